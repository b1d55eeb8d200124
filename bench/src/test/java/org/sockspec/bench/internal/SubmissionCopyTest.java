package org.sockspec.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.LeftOut.Reason;

/** The copy's path rules: nothing outside the submission's folder is ever opened. */
class SubmissionCopyTest {
  @TempDir
  Path tmp;
  Path folder;
  Path secret;

  @BeforeEach
  void aSubmissionBesideASecret() throws IOException {
    folder = Files.createDirectories(tmp.resolve("class/alice"));
    Files.writeString(folder.resolve("srv_tcp.py"), "print('hi')\n");
    secret = Files.writeString(tmp.resolve("class/bob-secret.txt"), "bob's answers\n");
  }

  @Test
  void regularFilesAreCopiedUnderThePrefix() throws IOException {
    Files.createDirectories(folder.resolve("lib"));
    Files.writeString(folder.resolve("lib/util.py"), "x = 1\n");
    SubmissionCopy.Result copy = SubmissionCopy.of(folder, "lab");
    assertThat(copy.files().paths()).containsExactly("lab/lib/util.py", "lab/srv_tcp.py");
    assertThat(copy.leftOut()).isEmpty();
  }

  @Test
  void aLinkToAFileOutsideIsLeftOutUnread() throws IOException {
    Files.createSymbolicLink(folder.resolve("notes.txt"), secret);
    SubmissionCopy.Result copy = SubmissionCopy.of(folder, "lab");
    assertThat(copy.files().paths()).containsExactly("lab/srv_tcp.py");
    assertThat(copy.leftOut()).containsExactly(new LeftOut("notes.txt", Reason.LINK_OUTSIDE, secret.toString()));
    assertThat(allBytes(copy)).doesNotContain("bob's answers");
  }

  @Test
  void dotDotThroughAFolderInsideStillLeadsOutside() throws IOException {
    Files.createDirectories(folder.resolve("a"));
    Files.createSymbolicLink(folder.resolve("x.txt"), Path.of("a/../../bob-secret.txt"));
    assertThat(SubmissionCopy.of(folder, "lab").leftOut()).extracting(LeftOut::reason)
        .containsExactly(Reason.LINK_OUTSIDE);
  }

  @Test
  void aLinkToALinkThatLeavesIsLeftOut() throws IOException {
    Files.createSymbolicLink(folder.resolve("hop.txt"), secret);
    Files.createSymbolicLink(folder.resolve("first.txt"), Path.of("hop.txt"));
    assertThat(SubmissionCopy.of(folder, "lab").leftOut()).extracting(LeftOut::path, LeftOut::reason)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("first.txt", Reason.LINK_OUTSIDE),
            org.assertj.core.groups.Tuple.tuple("hop.txt", Reason.LINK_OUTSIDE));
  }

  @Test
  void aLinkToTheFoldersParentIsLeftOutAndNeverWalked() throws IOException {
    Files.createSymbolicLink(folder.resolve("up"), Path.of(".."));
    SubmissionCopy.Result copy = SubmissionCopy.of(folder, "lab");
    assertThat(copy.files().paths()).containsExactly("lab/srv_tcp.py");
    assertThat(copy.leftOut()).containsExactly(new LeftOut("up", Reason.LINK_OUTSIDE, ".."));
  }

  @Test
  void aLinkInsideIsCopiedAsTheFileItNames() throws IOException {
    Files.createDirectories(folder.resolve("src"));
    Files.writeString(folder.resolve("src/real.py"), "real = True\n");
    Files.createSymbolicLink(folder.resolve("alias.py"), Path.of("src/real.py"));
    Files.createSymbolicLink(folder.resolve("alias2.py"), Path.of("alias.py"));
    SubmissionCopy.Result copy = SubmissionCopy.of(folder, "lab");
    assertThat(new String(copy.files().content("lab/alias.py"), StandardCharsets.UTF_8)).isEqualTo("real = True\n");
    assertThat(new String(copy.files().content("lab/alias2.py"), StandardCharsets.UTF_8)).isEqualTo("real = True\n");
    assertThat(copy.leftOut()).isEmpty();
  }

  @Test
  void aLinkToAFolderInsideIsLeftOutItsFilesCopiedUnderTheirOwnNames() throws IOException {
    Files.createDirectories(folder.resolve("src"));
    Files.writeString(folder.resolve("src/real.py"), "real = True\n");
    Files.createSymbolicLink(folder.resolve("again"), Path.of("src"));
    SubmissionCopy.Result copy = SubmissionCopy.of(folder, "lab");
    assertThat(copy.files().paths()).containsExactly("lab/src/real.py", "lab/srv_tcp.py");
    assertThat(copy.leftOut()).containsExactly(new LeftOut("again", Reason.LINK_TO_FOLDER, "src"));
  }

  @Test
  void danglingLinksAndLoopsAreLeftOut() throws IOException {
    Files.createSymbolicLink(folder.resolve("gone.txt"), Path.of("nowhere.txt"));
    Files.createSymbolicLink(folder.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(folder.resolve("loop2"), Path.of("loop1"));
    assertThat(SubmissionCopy.of(folder, "lab").leftOut()).extracting(LeftOut::path, LeftOut::reason)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gone.txt", Reason.LINK_DANGLING),
            org.assertj.core.groups.Tuple.tuple("loop1", Reason.LINK_LOOP),
            org.assertj.core.groups.Tuple.tuple("loop2", Reason.LINK_LOOP));
  }

  @Test
  void aFifoIsSkippedWithoutBeingOpened() throws Exception {
    Path fifo = folder.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    // Opening a FIFO with no writer blocks: if the copy opened it, this test would hang (its timeout says so).
    SubmissionCopy.Result copy = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> SubmissionCopy.of(folder, "lab"));
    assertThat(copy.leftOut()).containsExactly(new LeftOut("pipe", Reason.SPECIAL_FILE, ""));
    assertThat(copy.files().paths()).containsExactly("lab/srv_tcp.py");
  }

  @Test
  void aFifoNamedByALinkInsideIsSkippedToo() throws Exception {
    Path fifo = folder.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Files.createSymbolicLink(folder.resolve("data.txt"), Path.of("pipe"));
    SubmissionCopy.Result copy = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> SubmissionCopy.of(folder, "lab"));
    assertThat(copy.leftOut()).extracting(LeftOut::path).containsExactlyInAnyOrder("pipe", "data.txt");
  }

  @Test
  void theProgramItselfIsJudgedByTheSameRules() throws IOException {
    Files.createSymbolicLink(folder.resolve("srv_udp.py"), secret);
    Files.createSymbolicLink(folder.resolve("client_tcp.py"), Path.of("missing.py"));
    Files.createSymbolicLink(folder.resolve("client_udp.py"), Path.of("srv_tcp.py"));
    assertThat(SubmissionCopy.problemOf(folder, folder.resolve("srv_udp.py"))).get()
        .extracting(LeftOut::reason).isEqualTo(Reason.LINK_OUTSIDE);
    assertThat(SubmissionCopy.problemOf(folder, folder.resolve("client_tcp.py"))).get()
        .extracting(LeftOut::reason).isEqualTo(Reason.LINK_DANGLING);
    assertThat(SubmissionCopy.problemOf(folder, folder.resolve("client_udp.py"))).isEmpty();
    assertThat(SubmissionCopy.problemOf(folder, folder.resolve("srv_tcp.py"))).isEmpty();
    assertThat(SubmissionCopy.problemOf(folder, folder.resolve("srv_tcp_fork.py"))).isEmpty();
  }

  @Test
  void theFolderMayItselfBeReachedThroughALink() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("alice-link"), folder);
    Files.createSymbolicLink(folder.resolve("alias.py"), Path.of("srv_tcp.py"));
    SubmissionCopy.Result copy = SubmissionCopy.of(link, "lab");
    assertThat(copy.files().paths()).containsExactly("lab/alias.py", "lab/srv_tcp.py");
    assertThat(copy.leftOut()).isEmpty();
  }

  @Test
  void tooManyBytesIsBadInput() throws IOException {
    Files.write(folder.resolve("big.bin"), new byte[(int) SubmissionCopy.MAX_BYTES + 1]);
    assertThatThrownBy(() -> SubmissionCopy.of(folder, "lab")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 20 MB");
  }

  @Test
  void listingLeavesOutTheSameWithoutReading() throws IOException {
    Files.createSymbolicLink(folder.resolve("notes.txt"), secret);
    assertThat(SubmissionCopy.leftOut(folder)).isEqualTo(SubmissionCopy.of(folder, "lab").leftOut());
  }

  private static String allBytes(SubmissionCopy.Result copy) {
    StringBuilder all = new StringBuilder();
    for (String path : List.copyOf(copy.files().paths())) {
      all.append(new String(copy.files().content(path), StandardCharsets.UTF_8));
    }
    return all.toString();
  }
}
