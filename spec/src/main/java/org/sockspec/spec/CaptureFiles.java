package org.sockspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps a spec's capture as {@code FOLDER/SPEC-ID.pcap}, for Wireshark and {@code tcpdump -r}. */
final class CaptureFiles {
  private CaptureFiles() {}

  /** Writes {@code pcap}; returns the file's path. */
  static String keep(Path folder, String specId, byte[] pcap) {
    Path file = folder.resolve(specId + ".pcap");
    try {
      Files.createDirectories(folder);
      Files.write(file, pcap);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the capture of " + specId + " in " + folder + ": " + e.getMessage(), e);
    }
    return file.toAbsolutePath().toString();
  }
}
