package org.sockspec.cli.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.grade.AutolabScores;
import org.sockspec.cli.grade.LabManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec autograder autolab --out DIR}: {@code DIR/autograde-Makefile} and {@code
 * DIR/autograde.tar} (the kit's jar, the manifest and the scripts, in {@code sockspec-autolab/}), the
 * two files an Autolab assessment's autograder is made of. The last line printed is Autolab's
 * {@code {"scores": {...}}}, one problem per program.
 */
@Command(name = "autolab", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Writes an Autolab autograder: autograde-Makefile and autograde.tar (see docs/autolab.md).")
final class AutolabPackage implements Callable<Integer> {
  @ParentCommand
  AutograderCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  PackageOptions options;

  @Override
  public Integer call() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String manifest;
    try {
      KitPackage.writableFolder(options.out);
      manifest = KitPackage.manifest(options.lab);
      files.put("sockspec-autolab/lab.toml", manifest.getBytes(StandardCharsets.UTF_8));
      files.put("sockspec-autolab/sockspec.jar", KitPackage.read(KitPackage.jar()));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    files.put("sockspec-autolab/run_grader", KitPackage.script("run_grader_autolab"));
    files.put("sockspec-autolab/unpack-handin", KitPackage.script("unpack-handin"));
    KitPackage.write(options.out.resolve("autograde-Makefile"), KitPackage.script("autograde-Makefile"), false);
    KitPackage.write(options.out.resolve("autograde.tar"), tar(files), false);
    parent.root.context().out().println("Autolab autograder written to " + options.out
        + ": autograde-Makefile and autograde.tar, one problem per program (docs/autolab.md). The assessment's "
        + "problems and their max scores: "
        + AutolabScores.problems(LabManifest.parse(manifest, "the lab manifest")) + ".");
    return ExitStatus.PASSED;
  }

  private static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry dir = new TarArchiveEntry("sockspec-autolab/");
      dir.setMode(040755);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        boolean script = !file.getKey().endsWith(".jar") && !file.getKey().endsWith(".toml");
        entry.setMode(script ? 0100755 : 0100644);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
