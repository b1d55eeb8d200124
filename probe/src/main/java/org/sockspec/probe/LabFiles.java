package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import org.sockspec.probe.host.TreeRemoval;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The program's files and scratch folders, reached through the target's root: the probe puts a
 * submission's files into the lab folder (owned by the probe's root, so readable and never
 * writable by the program), and empties the lab and scratch folders between specs, recording what
 * each folder's owner and mode were when the target was new so that a reset can prove them back.
 */
final class LabFiles {
  private final ProbeConfig config;
  /** Each folder's owner uid and mode as the probe first saw it (a new target): what a reset restores. */
  private final java.util.Map<String, String> pristine = new java.util.LinkedHashMap<>();

  LabFiles(ProbeConfig config) {
    this.config = config;
    for (String folder : folders()) {
      describe(config.inTarget(folder)).ifPresent(state -> pristine.put(folder, state));
    }
  }

  /**
   * One file of the submission, at its path inside the lab folder, or a piece of it: the first piece
   * makes the file, each later one is appended where the last ended (a piece out of order is
   * refused). The lab folder is root's alone, so the paths it writes are its own.
   */
  Done put(LabPut r) throws IOException {
    String relative = r.path();
    if (relative.startsWith("/") || List.of(relative.split("/")).contains("..") || relative.isEmpty()) {
      throw new ProbeException("not a path inside the lab folder: " + relative);
    }
    Path lab = config.inTarget(config.lab());
    Path file = lab.resolve(relative).normalize();
    if (!file.startsWith(lab)) {
      throw new ProbeException("not a path inside the lab folder: " + relative);
    }
    long offset = r.offset() == null ? 0 : r.offset();
    byte[] content = r.content() == null ? new byte[0] : r.content();
    if (offset == 0) {
      Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwxr-xr-x")));
      Files.write(file, content);
    } else {
      long size = Files.size(file);
      if (size != offset) {
        throw new ProbeException(relative + " is " + size + " bytes long, a piece for offset " + offset + " came");
      }
      Files.write(file, content, StandardOpenOption.APPEND);
    }
    boolean executable = r.mode().equals("755");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    Files.setPosixFilePermissions(file, mode);
    return new Done();
  }

  /** Entries a reset looks at in one folder, at most: more than a lab's program can have a reason to make. */
  static final int ENTRY_BOUND = 100_000;

  /**
   * Empties the lab and scratch folders (the folders stay), and removes what the program's uid owns
   * in the shared folders (the whole machine's {@code /tmp}...); returns what could not be removed.
   * Everything is removed relative to an open folder, never through a link the program made.
   */
  List<String> empty() {
    List<String> problems = new ArrayList<>();
    if (config.marker() == null) {
      for (String folder : config.shared()) {
        problems.addAll(TreeRemoval.removeOwned(config.inTarget(folder), config.programUid(), ENTRY_BOUND));
      }
    }
    for (String folder : folders()) {
      Path dir = config.inTarget(folder);
      if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        problems.addAll(TreeRemoval.empty(dir, ENTRY_BOUND));
      }
    }
    return problems;
  }

  /** What is left that a new target would not have: a file in a folder, a folder's owner or mode changed. */
  List<String> leftovers() {
    List<String> found = new ArrayList<>();
    for (String folder : folders()) {
      Path dir = config.inTarget(folder);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String state = describe(dir).orElse("unreadable");
      String before = pristine.get(folder);
      if (before != null && !before.equals(state)) {
        found.add(folder + " is now " + state + ", was " + before);
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
        for (Path child : children) {
          found.add(folder + " still holds " + child.getFileName());
          break;
        }
      } catch (IOException e) {
        found.add(folder + " cannot be listed: " + e.getMessage());
      }
    }
    return found;
  }

  /**
   * Whether a folder not the program's own may hold files of the program: only if anyone may write
   * in it (the program's uid has no group, and no other user's folder lets it in). So a walk of
   * {@code /tmp} skips the subtrees of other users, however many files they hold: what the program
   * can have put there is in /tmp itself, in folders it owns, or in world-writable ones.
   */
  static boolean worldWritable(Path dir) {
    try {
      return ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0002) != 0;
    } catch (IOException | RuntimeException e) {
      return false; // gone, or not ours to look at: nothing of the program's can be there either
    }
  }

  private List<String> folders() {
    List<String> all = new ArrayList<>();
    all.add(config.lab());
    all.addAll(config.scratch());
    return all;
  }

  /** "uid 1000, mode 755": a folder's owner and permission bits (the sticky bit included). */
  private static java.util.Optional<String> describe(Path dir) {
    try {
      Object uid = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      Object mode = Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return java.util.Optional.of("uid " + uid + ", mode " + Integer.toOctalString(((Integer) mode) & 07777));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
