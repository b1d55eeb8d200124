package org.sockspec.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether any user of this machine (a program of the process sandbox, as a uid of its own with no
 * group) can read a file or a folder: every folder above it searchable by others, and it readable by
 * others (a folder also searchable).
 */
final class ReadableByAnyone {
  private ReadableByAnyone() {}

  static boolean holds(Path path) {
    try {
      Path real = path.toRealPath();
      int mode = mode(real);
      boolean folder = Files.isDirectory(real);
      if ((mode & 0004) == 0 || (folder && (mode & 0001) == 0)) {
        return false;
      }
      for (Path up = real.getParent(); up != null; up = up.getParent()) {
        if ((mode(up) & 0001) == 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static int mode(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }
}
