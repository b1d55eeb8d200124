package org.sockspec.cli.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec autograder gradescope --out autograder.zip}: Gradescope's autograder zip, its
 * files at the top as Gradescope wants them: {@code setup.sh} (run once when the image is built),
 * {@code run_autograder} (run per submission), the kit's jar and the lab manifest. Scripts are stored
 * executable (Unix mode in the zip).
 */
@Command(name = "gradescope", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Writes a Gradescope autograder zip (see docs/gradescope.md).")
final class GradescopePackage implements Callable<Integer> {
  @ParentCommand
  AutograderCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  PackageOptions options;

  @Override
  public Integer call() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      // what the instructor gave first, then the kit's own parts
      if (options.out.getFileName() == null || !options.out.getFileName().toString().endsWith(".zip")) {
        throw new IllegalArgumentException("--out " + options.out + ": Gradescope takes a .zip, e.g. --out autograder.zip");
      }
      KitPackage.writableFolder(options.out.toAbsolutePath().getParent());
      files.put("setup.sh", KitPackage.script("setup.sh"));
      files.put("run_autograder", KitPackage.script("run_autograder"));
      files.put("lab.toml", KitPackage.manifest(options.lab).getBytes(StandardCharsets.UTF_8));
      files.put("sockspec.jar", KitPackage.read(KitPackage.jar()));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (OutputStream file = Files.newOutputStream(options.out);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : files.entrySet()) {
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
        boolean script = entry.getKey().equals("setup.sh") || entry.getKey().equals("run_autograder");
        zipEntry.setUnixMode(script ? 0100755 : 0100644);
        zip.putArchiveEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + options.out + ": " + e.getMessage(), e);
    }
    parent.root.context().out().println("Gradescope autograder written to " + options.out
        + ": upload it as the assignment's autograder (docs/gradescope.md).");
    return ExitStatus.PASSED;
  }
}
