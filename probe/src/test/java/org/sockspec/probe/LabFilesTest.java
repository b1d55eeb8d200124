package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import org.sockspec.probe.protocol.RequestLine;
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
    return new LabFiles(new ProbeConfig(root, 1000, null, "/lab", List.of("/tmp"), List.of(), false, null, null));
  }

  private static LabPut put(String line) {
    return (LabPut) RequestLine.read(line).request();
  }

  @Test
  void aPathWithSpacesAndAnEmptyFileCrossTheWireWhole() throws Exception {
    LabFiles files = files();
    String line = new RequestLine("1", new LabPut("my notes/week 1.txt", "644", new byte[0], null)).write();
    assertThat(line).isEqualTo("1 lab.put my%20notes/week%201.txt 644 -");
    files.put(put(line));
    assertThat(root.resolve("lab/my notes/week 1.txt")).isEmptyFile();
  }

  @Test
  void putsFilesInTheLabFolderWithTheirMode() throws Exception {
    LabFiles files = files();
    files.put(put("1 lab.put lib/util.py 644 " + b64("x = 1\n")));
    files.put(put("2 lab.put run.sh 755 " + b64("#!/bin/sh\n")));
    files.put(put("3 lab.put empty.txt 644"));
    assertThat(Files.readString(root.resolve("lab/lib/util.py"))).isEqualTo("x = 1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("lab/run.sh"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(root.resolve("lab/empty.txt")).isEmptyFile();
  }

  @Test
  void aLargeFileCrossesInPiecesEachAppendedWhereTheLastEnded() throws Exception {
    LabFiles files = files();
    files.put(new LabPut("capture.pcap", "644", "first ".getBytes(StandardCharsets.UTF_8), null));
    files.put(new LabPut("capture.pcap", "644", "second".getBytes(StandardCharsets.UTF_8), 6L));
    assertThat(Files.readString(root.resolve("lab/capture.pcap"))).isEqualTo("first second");
    assertThatThrownBy(() -> files.put(new LabPut("capture.pcap", "644", new byte[] {1}, 3L)))
        .isInstanceOf(ProbeException.class).hasMessageContaining("12 bytes long, a piece for offset 3 came");
  }

  @Test
  void refusesPathsOutsideTheLabFolder() throws Exception {
    LabFiles files = files();
    assertThatThrownBy(() -> files.put(put("1 lab.put ../escape 644 " + b64("x"))))
        .isInstanceOf(ProbeException.class);
    assertThatThrownBy(() -> files.put(put("1 lab.put /etc/passwd 644 " + b64("x"))))
        .isInstanceOf(ProbeException.class);
    assertThat(root.resolve("escape")).doesNotExist();
  }

  @Test
  void emptiesEveryFolderAndSaysWhatAFolderBecameOtherwise() throws Exception {
    LabFiles files = files();
    files.put(put("1 lab.put srv.py 644 " + b64("print()")));
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

  @Test
  void removesTheProgramsFilesInASharedFolderAndLooksOnlyWhereItCouldWrite() throws Exception {
    int me = ProcessTable.uidOf(ProcessHandle.current().pid()); // stands for the program's uid
    Path shared = Files.createDirectories(root.resolve("shared"));
    Files.writeString(shared.resolve("left-at-top"), "x");
    Path open = Files.createDirectories(shared.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(open.resolve("left-in-a-world-writable-folder"), "x");
    Path closed = Files.createDirectories(shared.resolve("closed"));
    Files.writeString(closed.resolve("not-looked-at"), "x");
    // "closed" is another user's where this test may say so (root): the program cannot write there
    boolean another = me == 0;
    if (another) {
      Files.setAttribute(closed, "unix:uid", 4242);
    }
    Files.createDirectories(root.resolve("lab"));
    LabFiles files = new LabFiles(new ProbeConfig(root, me, null, "/lab", List.of(), List.of("/shared"), true, null, null));

    assertThat(files.empty()).isEmpty();

    assertThat(shared.resolve("left-at-top")).doesNotExist();
    assertThat(open.resolve("left-in-a-world-writable-folder")).doesNotExist();
    if (another) {
      assertThat(closed.resolve("not-looked-at")).exists();
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
