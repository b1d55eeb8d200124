package org.sockspec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sockspec.cli.report.Format;
import picocli.CommandLine.Option;

/** Where and how a run is reported: --format, --out, --quiet. */
final class ReportOptions {
  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default, for people), json "
      + "(for graders and scripts), junit (JUnit XML, for CI test reports) or markdown (for a CI job summary).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (UTF-8) instead of "
      + "standard output; progress lines still show on the terminal.")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error (when the report "
      + "goes to a file or is not text).")
  boolean quiet;

  @Option(names = "--capture", paramLabel = "DIR", description = "Keep each spec's packet capture of the "
      + "loopback as DIR/SPEC-ID.pcap (it opens in Wireshark and tcpdump -r); DIR is made if need be.")
  Path capture;

  @Option(names = "--ladders", description = "Show each spec's ladder diagram (what went over the wire) "
      + "under passing specs too (text and markdown); failures always show theirs.")
  boolean ladders;

  /** Checks --out and --capture before the run, so that a long run is not lost to a typo in a folder name. */
  void validate() {
    if (capture != null) {
      CaptureFolder.check(capture);
    }
    if (out == null) {
      return;
    }
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a folder: give a file name, e.g. "
          + out.resolve("report." + extension()));
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--out " + out + ": the folder " + parent + " does not exist; "
          + "create it first.");
    }
    if (!Files.isWritable(parent) || (Files.exists(out) && !Files.isWritable(out))) {
      throw new IllegalArgumentException("--out " + out + " cannot be written: check the permissions.");
    }
  }

  private String extension() {
    return switch (format) {
      case text -> "txt";
      case json -> "json";
      case junit -> "xml";
      case markdown -> "md";
    };
  }
}
