package org.sockspec.cli.platform;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --lab FILE --out PATH}: what every package command takes. */
final class PackageOptions {
  @Option(names = "--lab", paramLabel = "FILE", description = "The lab manifest (TOML; default: the built-in "
      + "one, as 'sockspec grade --print-lab' prints it).")
  Path lab;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Where to write the package.")
  Path out;
}
