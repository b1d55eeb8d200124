package org.sockspec.probe.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing what a program left, as root would, never through a path the program can change. */
class TreeRemovalTest {
  @TempDir
  Path dir;

  @Test
  void aLinkIsRemovedItselfNeverWhatItNames() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("results.json"), "{}");
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(home.resolve("sub"));
    Files.createSymbolicLink(home.resolve("sub/to-results"), results);
    Files.createSymbolicLink(home.resolve("to-results-file"), results.resolve("results.json"));

    assertThat(TreeRemoval.empty(home, 1000)).isEmpty();

    assertThat(home).isEmptyDirectory();
    assertThat(results.resolve("results.json")).hasContent("{}");
  }

  @Test
  void aFolderReplacedByALinkIsNeverEntered() throws Exception {
    // The folder the removal opens stays the one it opened, whatever the path names later: here the
    // folder given is itself a link (as if swapped in just before), and is refused, not followed.
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("results.json"), "{}");
    Path swapped = Files.createSymbolicLink(dir.resolve("home"), results);

    assertThat(TreeRemoval.empty(swapped, 1000)).singleElement().asString().contains("is a link");

    assertThat(results.resolve("results.json")).hasContent("{}");
  }

  @Test
  void aTreeDeeperThanTheOpenFoldersItMayHoldIsRemovedWhole() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path deep = home;
    for (int i = 0; i < 300; i++) {
      deep = Files.createDirectory(deep.resolve("d"));
    }
    Files.writeString(deep.resolve("bottom"), "x");

    assertThat(TreeRemoval.empty(home, 10_000)).isEmpty();

    assertThat(home).isEmptyDirectory();
  }

  @Test
  void foldersWithoutPermissionsAreRemovedToo() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path locked = Files.createDirectories(home.resolve("locked"));
    Files.writeString(locked.resolve("inside"), "x");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    TreeRemoval.empty(home, 1000);

    // As root it is removed (root searches any folder); as another user this test cannot say more.
    if (UidProcesses.uidOf(ProcessHandle.current().pid()) == 0) {
      assertThat(home).isEmptyDirectory();
    } else {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void onlyTheOwnersEntriesGoFromASharedFolderAndItsWorldWritableFolders() throws Exception {
    int me = UidProcesses.uidOf(ProcessHandle.current().pid());
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("mine"), "x");
    Path open = Files.createDirectories(shared.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(open.resolve("mine-too"), "x");
    Path another = Files.createDirectories(shared.resolve("another"));
    Files.writeString(another.resolve("theirs"), "x");
    boolean root = me == 0;
    if (root) {
      Files.setAttribute(another, "unix:uid", 4242);
      Files.setAttribute(another.resolve("theirs"), "unix:uid", 4242);
      Files.setAttribute(open, "unix:uid", 4242);
    }

    assertThat(TreeRemoval.removeOwned(shared, me, 1000)).isEmpty();

    assertThat(shared.resolve("mine")).doesNotExist();
    assertThat(open.resolve("mine-too")).doesNotExist();
    if (root) {
      assertThat(open).exists(); // another's folder: only what it held of the owner's went
      assertThat(another.resolve("theirs")).exists();
    }
  }

  @Test
  void pastItsBoundItSaysWhatItLeft() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(home.resolve("f" + i), "x");
    }

    assertThat(TreeRemoval.empty(home, 10)).singleElement().asString().contains("more than 10 entries");
  }
}
