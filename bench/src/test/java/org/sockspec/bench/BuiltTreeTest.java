package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** The build's folder comes back as a tar the program wrote: only plain files at plain paths are kept. */
class BuiltTreeTest {
  @Test
  void plainFilesAreKeptWithWhetherTheyRun() throws Exception {
    byte[] tar = tar(out -> {
      dir(out, "./");
      file(out, "./srv_tcp", "ELF", 0755);
      file(out, "./srv_tcp.c", "int main", 0644);
      dir(out, "./bin/");
      file(out, "./bin/helper", "x", 0700);
    });
    BuiltTree.Read read = BuiltTree.read(tar, "lab");
    assertThat(read.files().paths()).containsExactly("lab/bin/helper", "lab/srv_tcp", "lab/srv_tcp.c");
    assertThat(read.files().isExecutable("lab/srv_tcp")).isTrue();
    assertThat(read.files().isExecutable("lab/srv_tcp.c")).isFalse();
    assertThat(new String(read.files().content("lab/srv_tcp.c"), StandardCharsets.UTF_8)).isEqualTo("int main");
    assertThat(read.leftOut()).isEmpty();
  }

  @Test
  void linksAndPathsOutOfTheFolderAreLeftOutAndNamed() throws Exception {
    byte[] tar = tar(out -> {
      TarArchiveEntry link = new TarArchiveEntry("./passwd", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      out.putArchiveEntry(link);
      out.closeArchiveEntry();
      file(out, "../../escape", "x", 0644);
      file(out, "/etc/cron.d/evil", "x", 0644);
      file(out, "./a/../../b", "x", 0644);
      file(out, "./ok", "x", 0644);
    });
    BuiltTree.Read read = BuiltTree.read(tar, "lab");
    assertThat(read.files().paths()).containsExactly("lab/ok");
    assertThat(read.leftOut()).containsExactly("a link: passwd", "a path out of the folder: ../../escape",
        "a path out of the folder: /etc/cron.d/evil", "a path out of the folder: ./a/../../b");
  }

  @Test
  void moreThanTheBoundIsRefused() throws Exception {
    byte[] tar = tar(out -> {
      for (int i = 0; i <= BuiltTree.MAX_FILES; i++) {
        file(out, "./f" + i, "", 0644);
      }
    });
    assertThatThrownBy(() -> BuiltTree.read(tar, "lab")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 5000 files");
  }

  @Test
  void bytesThatAreNotATarAreRefused() {
    assertThatThrownBy(() -> BuiltTree.read("not a tar at all".repeat(40).getBytes(StandardCharsets.UTF_8), "lab"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private interface Entries {
    void write(TarArchiveOutputStream out) throws Exception;
  }

  private static byte[] tar(Entries entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      entries.write(out);
    }
    return bytes.toByteArray();
  }

  private static void dir(TarArchiveOutputStream out, String name) throws Exception {
    out.putArchiveEntry(new TarArchiveEntry(name));
    out.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream out, String name, String content, int mode) throws Exception {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    entry.setMode(mode);
    out.putArchiveEntry(entry);
    out.write(data);
    out.closeArchiveEntry();
  }
}
