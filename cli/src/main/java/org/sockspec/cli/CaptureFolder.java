package org.sockspec.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a {@code --capture DIR} before a run: a folder that exists or can be made, and can be written. */
public final class CaptureFolder {
  private CaptureFolder() {}

  public static void check(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--capture " + folder + " is a file: give a folder, where each spec's "
          + "capture is kept as SPEC-ID.pcap");
    }
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isWritable(existing)) {
      throw new IllegalArgumentException("--capture " + folder + " cannot be written (" + existing
          + " is not writable): check the permissions, or give another folder.");
    }
  }
}
