package org.sockspec.cli.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: a temporary file beside it, then a rename. A grader killed
 * at any moment (kill -9 included) leaves either the old file or the new one, never half of one,
 * so "results.json exists" can mean "this student is finished".
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void write(Path file, String text) {
    Path temp = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is a dot file: left behind, it is ignored and overwritten next time
        }
      }
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
