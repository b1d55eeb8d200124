package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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

  /** One file of the submission, at its path inside the lab folder. */
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
    Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.write(file, r.content() == null ? new byte[0] : r.content());
    boolean executable = r.mode().equals("755");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    Files.setPosixFilePermissions(file, mode);
    return new Done();
  }

  /**
   * Empties the lab and scratch folders (the folders stay), and removes what the program's uid owns
   * in the shared folders ({@code /tmp} of the whole machine); returns what could not be removed.
   */
  List<String> empty() {
    List<String> problems = new ArrayList<>();
    if (config.marker() == null) {
      List<Path> own = folders().stream().map(config::inTarget).toList();
      for (String folder : config.shared()) {
        problems.addAll(removeOwnedBy(config.inTarget(folder), config.programUid(), own));
      }
    }
    for (String folder : folders()) {
      Path dir = config.inTarget(folder);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
        for (Path child : children) {
          removeTree(child);
        }
      } catch (IOException e) {
        problems.add(folder + " could not be emptied: " + e.getMessage());
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
   * Removes every entry under {@code dir} that {@code uid} owns (a folder with all it holds), never
   * following a link, but none of {@code own} (the lane's own folders, emptied apart) nor what
   * leads to them; at most {@link #OWNED_SCAN} entries are looked at (a shared /tmp of the
   * platform's holds few).
   */
  private static List<String> removeOwnedBy(Path dir, int uid, List<Path> own) {
    List<String> problems = new ArrayList<>();
    int[] seen = {0};
    try {
      Files.walkFileTree(dir, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 8, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) throws IOException {
          if (++seen[0] > OWNED_SCAN) {
            return FileVisitResult.TERMINATE;
          }
          if (own.contains(d)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (own.stream().anyMatch(path -> path.startsWith(d))) {
            return FileVisitResult.CONTINUE; // the way to a lane folder: kept, walked
          }
          if (!d.equals(dir) && owner(d) == uid) {
            removeTree(d);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return d.equals(dir) || worldWritable(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          if (++seen[0] > OWNED_SCAN) {
            return FileVisitResult.TERMINATE;
          }
          if (owner(file) == uid) {
            Files.deleteIfExists(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // not ours to read: not the program's either
        }
      });
    } catch (IOException e) {
      problems.add(dir + ": the program's files there could not all be removed: " + e.getMessage());
    }
    return problems;
  }

  private static final int OWNED_SCAN = 20_000;

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

  private static int owner(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private List<String> folders() {
    List<String> all = new ArrayList<>();
    all.add(config.lab());
    all.addAll(config.scratch());
    return all;
  }

  private static void removeTree(Path top) throws IOException {
    if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(top);
      return;
    }
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
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
