package org.sockspec.bench.internal;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every folder of this machine a program of the process sandbox can leave files in: writable by
 * anyone ({@code /tmp}, {@code /var/tmp}, {@code /dev/shm}, {@code /dev/mqueue}, {@code /run/lock},
 * and whatever else this machine has) and reachable by anyone (each folder above it searchable by
 * others). Its own uid has no other place: no group, and no folder of another user lets it in. Found
 * once, by a walk of the file system that never follows a link, skips {@code /proc} and {@code /sys},
 * and does not enter a folder others cannot search (nothing under it is reachable) nor one already
 * found (the probe's reset walks those, and the world-writable folders inside them).
 */
final class WorldWritableFolders {
  /** Entries looked at, at most: far more than a platform's image has folders. */
  private static final int BOUND = 500_000;
  private static final Set<Path> SKIPPED = Set.of(Path.of("/proc"), Path.of("/sys"));

  private WorldWritableFolders() {}

  /** The folders, in the order found; {@code mine} (the kit's own folders) is not entered. */
  static List<String> find(Path mine) {
    List<String> found = new ArrayList<>();
    int[] seen = {0};
    try {
      Files.walkFileTree(Path.of("/"), EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (++seen[0] > BOUND) {
                return FileVisitResult.TERMINATE;
              }
              if (SKIPPED.contains(dir) || dir.equals(mine)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              int mode = mode(dir);
              if ((mode & 0002) != 0 && (mode & 0001) != 0) {
                found.add(dir.toString());
                return FileVisitResult.SKIP_SUBTREE;
              }
              return (mode & 0001) != 0 ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              return ++seen[0] > BOUND ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // what was found so far is what there is to watch
    }
    return found;
  }

  private static int mode(Path dir) {
    try {
      return (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
