package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.LeftOut.Reason;

/**
 * Copies a submission's folder into a tar for the sandbox, opening nothing outside the folder.
 *
 * <p>The folder is walked without following links. A regular file is copied. A symbolic link is
 * resolved to its real path (every link on the way, {@code ..} included) and copied as the file it
 * names only when that real path is a regular file inside the folder's own real path; any other
 * link (outside, dangling, a loop, a folder) is left out, never opened. Special files (FIFOs,
 * sockets, devices) are left out without being opened, since opening a FIFO blocks. What is left
 * out is returned with the reason, for the reports.
 */
public final class SubmissionCopy {
  /** What the copy holds, and what it left out, in walk order. */
  public record Result(TarArchive files, List<LeftOut> leftOut) {
    public Result {
      leftOut = List.copyOf(leftOut);
    }
  }

  static final long MAX_BYTES = 20L << 20;
  static final int MAX_FILES = 5_000;
  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "__pycache__");
  private static final String LOOP = "Too many levels of symbolic links";

  private SubmissionCopy() {}

  /**
   * Copies {@code folder}'s files to {@code prefix/RELATIVE-PATH} in a tar.
   *
   * @throws IllegalArgumentException when the folder holds more than the kit copies (size, count)
   * @throws UncheckedIOException when the folder itself cannot be read
   */
  public static Result of(Path folder, String prefix) {
    return walk(folder, prefix, true);
  }

  /** What {@link #of} would leave out, without reading any file's content. */
  public static List<LeftOut> leftOut(Path folder) {
    return walk(folder, "", false).leftOut();
  }

  /**
   * Why {@code program}, a file named in {@code folder}, cannot be run: it is a link that the copy
   * does not follow, or a special file. Empty when it is a regular file, or a link to one inside
   * the folder, or when it does not exist at all (the caller says "not there").
   */
  public static Optional<LeftOut> problemOf(Path folder, Path program) {
    Path root = realFolder(folder);
    String name = folder.toAbsolutePath().relativize(program.toAbsolutePath()).toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(program, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(new LeftOut(name, Reason.UNREADABLE, ""));
    }
    if (attributes.isSymbolicLink()) {
      Resolved resolved = resolve(root, program, name);
      return Optional.ofNullable(resolved.leftOut());
    }
    return attributes.isRegularFile() ? Optional.empty()
        : Optional.of(new LeftOut(name, Reason.SPECIAL_FILE, ""));
  }

  private static Result walk(Path folder, String prefix, boolean read) {
    Path root = realFolder(folder);
    TarArchive tar = new TarArchive();
    List<LeftOut> leftOut = new ArrayList<>();
    long[] bytes = {0};
    int[] files = {0};
    FileVisitor<Path> visitor = new FileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String name = root.relativize(file).toString().replace('\\', '/');
        Path source = file;
        if (attributes.isSymbolicLink()) {
          Resolved resolved = resolve(root, file, name);
          if (resolved.leftOut() != null) {
            leftOut.add(resolved.leftOut());
            return FileVisitResult.CONTINUE;
          }
          source = resolved.real();
        } else if (!attributes.isRegularFile()) {
          leftOut.add(new LeftOut(name, Reason.SPECIAL_FILE, ""));
          return FileVisitResult.CONTINUE;
        }
        if (++files[0] > MAX_FILES) {
          throw new IllegalArgumentException("the folder " + folder + " holds more than " + MAX_FILES
              + " files; point at a folder with just your programs");
        }
        if (!read) {
          return FileVisitResult.CONTINUE;
        }
        try {
          byte[] content = readCapped(source, MAX_BYTES - bytes[0], folder);
          bytes[0] += content.length;
          tar.add(prefix + "/" + name, content, Files.isExecutable(source));
        } catch (IOException e) {
          leftOut.add(new LeftOut(name, Reason.UNREADABLE, ""));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        leftOut.add(new LeftOut(root.relativize(file).toString(), Reason.UNREADABLE, ""));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    };
    try {
      // No FOLLOW_LINKS: a link to a folder is visited as a link, never walked into.
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 32, visitor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    return new Result(tar, leftOut);
  }

  /** A link's real path when it names a regular file inside {@code root}; else why it is left out. */
  private record Resolved(Path real, LeftOut leftOut) {}

  private static Resolved resolve(Path root, Path link, String name) {
    String text;
    try {
      text = Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return new Resolved(null, new LeftOut(name, Reason.UNREADABLE, ""));
    }
    Path real;
    try {
      real = link.toRealPath();
    } catch (NoSuchFileException e) {
      return new Resolved(null, new LeftOut(name, Reason.LINK_DANGLING, text));
    } catch (FileSystemException e) {
      boolean loop = e.getReason() != null && e.getReason().contains(LOOP);
      return new Resolved(null, new LeftOut(name, loop ? Reason.LINK_LOOP : Reason.LINK_DANGLING, text));
    } catch (IOException e) {
      return new Resolved(null, new LeftOut(name, Reason.UNREADABLE, text));
    }
    if (!real.startsWith(root)) {
      return new Resolved(null, new LeftOut(name, Reason.LINK_OUTSIDE, text));
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return new Resolved(null, new LeftOut(name, Reason.UNREADABLE, text));
    }
    if (attributes.isDirectory()) {
      return new Resolved(null, new LeftOut(name, Reason.LINK_TO_FOLDER, text));
    }
    if (!attributes.isRegularFile()) {
      return new Resolved(null, new LeftOut(name, Reason.SPECIAL_FILE, text));
    }
    return new Resolved(real, null);
  }

  /**
   * The file's bytes, opened without following a link (the path is already real: a link put there
   * since is refused, not followed), and at most {@code left} of them.
   */
  private static byte[] readCapped(Path file, long left, Path folder) throws IOException {
    try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
        Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, left) + 1));
      if (content.length > left) {
        throw new IllegalArgumentException("the folder " + folder + " holds more than "
            + (MAX_BYTES >> 20) + " MB of files; point at a folder with just your programs");
      }
      return content;
    }
  }

  private static Path realFolder(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
    }
  }
}
