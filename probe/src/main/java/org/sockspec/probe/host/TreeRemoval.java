package org.sockspec.probe.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Removes what a program under test left in folders it can write, as root, without ever following a
 * path the program can change. Each folder is opened once (never through a link: {@code O_NOFOLLOW})
 * and everything in it is looked at, opened and removed relative to that open folder ({@code
 * fstatat}, {@code openat}, {@code unlinkat}: Java's {@link SecureDirectoryStream}). A program that
 * swaps a folder for a link to the grader's results while this runs makes it remove the link, never
 * what the link names.
 *
 * <p>Bounded: a tree deeper than {@value #DEPTH} folders is cut by moving its deep part up into the
 * folder being emptied (a rename within the open folders), so that neither open folders nor the
 * stack grow with the depth; at most {@link #entryBound} entries are looked at, after which what is
 * left is reported, not removed.
 */
public final class TreeRemoval {
  /** Folders open at once, at most, while a tree is removed. */
  static final int DEPTH = 16;
  private final int entryBound;
  private final List<String> problems = new ArrayList<>();
  private int seen;
  /** Whether a pass moved a deep folder up to the top: then the top is listed again. */
  private boolean moved;

  private TreeRemoval(int entryBound) {
    this.entryBound = entryBound;
  }

  /**
   * Removes everything inside {@code folder}, which stays; returns what could not be removed
   * (empty when all went). {@code folder} itself must be a folder no program can replace (its
   * parent root's).
   */
  public static List<String> empty(Path folder, int entryBound) {
    TreeRemoval removal = new TreeRemoval(entryBound);
    try (SecureDirectoryStream<Path> top = open(folder)) {
      do {
        removal.moved = false;
        try (SecureDirectoryStream<Path> pass = again(top)) {
          removal.emptyInto(top, pass, 0, folder.toString());
        }
      } while (removal.moved && removal.seen <= entryBound);
    } catch (NoSuchFileException e) {
      // nothing to empty
    } catch (IOException e) {
      removal.problems.add(folder + " could not be emptied: " + e.getMessage());
    }
    return removal.problems;
  }

  /**
   * Removes what {@code owner} has in {@code folder} and in the folders under it anyone may write
   * (where it may have put things), each of its entries with all it holds; other owners' entries,
   * and folders not everyone may write, are left alone. Returns what could not be removed.
   */
  public static List<String> removeOwned(Path folder, int owner, int entryBound) {
    TreeRemoval removal = new TreeRemoval(entryBound);
    try (SecureDirectoryStream<Path> top = open(folder)) {
      UserPrincipal principal = principal(owner);
      do {
        removal.moved = false;
        try (SecureDirectoryStream<Path> pass = again(top)) {
          removal.removeOwnedIn(top, pass, principal, 0, folder.toString());
        }
      } while (removal.moved && removal.seen <= entryBound);
    } catch (NoSuchFileException e) {
      // not on this machine
    } catch (IOException e) {
      removal.problems.add(folder + ": the program's files there could not all be removed: " + e.getMessage());
    }
    return removal.problems;
  }

  /** {@code uid} as the file system names owners (a uid with no name is its number). */
  public static UserPrincipal principal(int uid) throws IOException {
    return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(Integer.toString(uid));
  }

  /** The same open folder, to be listed once more (a stream lists once). */
  private static SecureDirectoryStream<Path> again(SecureDirectoryStream<Path> folder) throws IOException {
    return folder.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS);
  }

  /** Opens {@code folder} for removals relative to it, refusing a link. */
  static SecureDirectoryStream<Path> open(Path folder) throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      // The folder was opened by its path: it must not be a link, which the open followed.
      if (Files.isSymbolicLink(folder)) {
        secure.close();
        throw new FileSystemException(folder.toString(), null, "is a link, not a folder: not followed");
      }
      return secure;
    }
    stream.close();
    throw new IOException("this platform cannot remove files relative to an open folder (no SecureDirectoryStream)");
  }

  private void removeOwnedIn(SecureDirectoryStream<Path> top, SecureDirectoryStream<Path> dir, UserPrincipal owner,
      int depth, String where) {
    for (Path entry : names(dir, where)) {
      if (++seen > entryBound) {
        problems.add(where + ": more than " + entryBound + " entries looked at; the rest is left");
        return;
      }
      PosixFileAttributes attributes = attributes(dir, entry);
      if (attributes == null) {
        continue; // gone meanwhile
      }
      if (attributes.owner().equals(owner)) {
        removeEntry(top, dir, entry, attributes, depth, where);
      } else if (attributes.isDirectory() && depth + 1 < DEPTH && everyoneWrites(attributes)) {
        try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(entry, LinkOption.NOFOLLOW_LINKS)) {
          removeOwnedIn(top, sub, owner, depth + 1, where + "/" + entry);
        } catch (IOException e) {
          // replaced meanwhile, or not a folder any more: nothing of the owner's to follow into
        }
      }
    }
  }

  /**
   * Removes everything in {@code dir}; {@code top} is where deep folders are moved up to, and
   * {@code depth} how deep {@code dir} is below it.
   */
  private void emptyInto(SecureDirectoryStream<Path> top, SecureDirectoryStream<Path> dir, int depth, String where) {
    for (Path entry : names(dir, where)) {
      if (++seen > entryBound) {
        problems.add(where + ": more than " + entryBound + " entries looked at; the rest is left");
        return;
      }
      PosixFileAttributes attributes = attributes(dir, entry);
      if (attributes != null) {
        removeEntry(top, dir, entry, attributes, depth, where);
      }
    }
  }

  private void removeEntry(SecureDirectoryStream<Path> top, SecureDirectoryStream<Path> dir, Path entry,
      PosixFileAttributes attributes, int depth, String where) {
    try {
      if (!attributes.isDirectory()) {
        dir.deleteFile(entry); // a link is removed itself, never followed
        return;
      }
      if (depth + 1 >= DEPTH) {
        // Too deep to open one more folder: moved up to the top (its owner unchanged), where the
        // next pass over the top finds it.
        dir.move(entry, top, Path.of(".sockspec-deep-" + UUID.randomUUID()));
        moved = true;
        return;
      }
      SecureDirectoryStream<Path> sub;
      try {
        sub = dir.newDirectoryStream(entry, LinkOption.NOFOLLOW_LINKS);
      } catch (FileSystemException e) {
        dir.deleteFile(entry); // no longer a folder (a link put in its place): removed itself
        return;
      }
      try (sub) {
        emptyInto(top, sub, depth + 1, where + "/" + entry);
      }
      dir.deleteDirectory(entry);
    } catch (NoSuchFileException e) {
      // gone meanwhile
    } catch (IOException e) {
      problems.add(where + "/" + entry + " could not be removed: " + e.getMessage());
    }
  }

  private List<Path> names(SecureDirectoryStream<Path> dir, String where) {
    List<Path> names = new ArrayList<>();
    try {
      for (Path entry : dir) {
        names.add(entry.getFileName());
        if (names.size() > entryBound) {
          break;
        }
      }
    } catch (RuntimeException e) {
      problems.add(where + " could not be listed: " + e.getMessage());
    }
    return names;
  }

  private static PosixFileAttributes attributes(SecureDirectoryStream<Path> dir, Path entry) {
    try {
      return dir.getFileAttributeView(entry, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean everyoneWrites(PosixFileAttributes attributes) {
    return attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
  }
}
