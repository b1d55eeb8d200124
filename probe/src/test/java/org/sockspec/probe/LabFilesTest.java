package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab and scratch folders of a target, here a folder standing for its root. */
class LabFilesTest {
  @TempDir
  Path root;

  private LabFiles files() throws Exception {
    Files.createDirectories(root.resolve("lab"));
    Files.createDirectories(root.resolve("tmp"));
    return new LabFiles(new ProbeConfig(root, 1000, null, "/lab", List.of("/tmp"), List.of(), false, null));
  }

  @Test
  void putsFilesInTheLabFolderWithTheirMode() throws Exception {
    LabFiles files = files();
    files.put(Request.parse("1 lab.put lib/util.py 644 " + b64("x = 1\n")));
    files.put(Request.parse("2 lab.put run.sh 755 " + b64("#!/bin/sh\n")));
    files.put(Request.parse("3 lab.put empty.txt 644"));
    assertThat(Files.readString(root.resolve("lab/lib/util.py"))).isEqualTo("x = 1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("lab/run.sh"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(root.resolve("lab/empty.txt")).isEmptyFile();
  }

  @Test
  void refusesPathsOutsideTheLabFolder() throws Exception {
    LabFiles files = files();
    assertThatThrownBy(() -> files.put(Request.parse("1 lab.put ../escape 644 " + b64("x"))))
        .isInstanceOf(ProbeException.class);
    assertThatThrownBy(() -> files.put(Request.parse("1 lab.put /etc/passwd 644 " + b64("x"))))
        .isInstanceOf(ProbeException.class);
    assertThat(root.resolve("escape")).doesNotExist();
  }

  @Test
  void emptiesEveryFolderAndSaysWhatAFolderBecameOtherwise() throws Exception {
    LabFiles files = files();
    files.put(Request.parse("1 lab.put srv.py 644 " + b64("print()")));
    Files.createDirectories(root.resolve("tmp/deep/er"));
    Files.writeString(root.resolve("tmp/deep/er/junk"), "junk");
    Files.createSymbolicLink(root.resolve("tmp/link"), Path.of("/etc"));
    assertThat(files.leftovers()).isNotEmpty();

    assertThat(files.empty()).isEmpty();
    assertThat(files.leftovers()).isEmpty();
    assertThat(Path.of("/etc")).isDirectory(); // the link was removed, not what it names

    Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwx------"));
    assertThat(files.leftovers()).singleElement().asString().contains("/tmp is now").contains("mode 700");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
