package org.sockspec.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.sockspec.bench.internal.TarArchive;

/**
 * A program's folder as its build left it, read from the tar the build's last step wrote as the
 * program (so: untrusted bytes). Read in memory, never extracted: only regular files at plain
 * relative paths are kept, each with whether it is executable; links, devices and paths that climb
 * out are left out and named; past {@link #MAX_BYTES} or {@link #MAX_FILES} the tree is refused.
 */
final class BuiltTree {
  static final long MAX_BYTES = 64L << 20;
  static final int MAX_FILES = 5_000;

  /** The files, at {@code prefix/PATH} (at PATH for an empty prefix), and what was left out ("a link: lib.so"). */
  record Read(TarArchive files, List<String> leftOut) {}

  private BuiltTree() {}

  /**
   * @throws IllegalArgumentException when the bytes are not a tar, or hold more than the bounds
   */
  static Read read(byte[] tar, String prefix) {
    TarArchive files = new TarArchive();
    List<String> leftOut = new ArrayList<>();
    long bytes = 0;
    int count = 0;
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String path = plain(entry.getName());
        if (path == null || entry.isDirectory()) {
          if (path == null && !entry.getName().equals("./") && !entry.getName().equals(".")) {
            leftOut.add("a path out of the folder: " + entry.getName());
          }
          continue;
        }
        // By its type flag alone: commons-compress's isFile() also says yes to a link.
        boolean regular = entry.getLinkFlag() == TarConstants.LF_NORMAL || entry.getLinkFlag() == TarConstants.LF_OLDNORM;
        if (!regular || entry.isSymbolicLink() || entry.isLink()) {
          leftOut.add((entry.isSymbolicLink() || entry.isLink() ? "a link: " : "not a regular file: ") + path);
          continue;
        }
        if (++count > MAX_FILES || (bytes += entry.getSize()) > MAX_BYTES) {
          throw new IllegalArgumentException("the build left more than " + MAX_FILES + " files or "
              + (MAX_BYTES >> 20) + " MB in its folder");
        }
        files.add(prefix.isEmpty() ? path : prefix + "/" + path, readAll(in, entry.getSize()), (entry.getMode() & 0111) != 0);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the build's folder could not be read back (" + e.getMessage() + ")", e);
    }
    return new Read(files, leftOut);
  }

  private static byte[] readAll(InputStream in, long size) throws IOException {
    byte[] content = in.readNBytes((int) size);
    if (content.length != size) {
      throw new IOException("a file ends early");
    }
    return content;
  }

  /** {@code name} as a plain relative path ("srv", "bin/srv"), or null for "." and any path that climbs or is absolute. */
  static String plain(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
      return null;
    }
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return null;
      }
    }
    return path;
  }
}
