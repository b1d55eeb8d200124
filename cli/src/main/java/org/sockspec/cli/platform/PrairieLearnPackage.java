package org.sockspec.cli.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec autograder prairielearn --out DIR}: {@code DIR/serverFilesCourse/sockspec/} (copy
 * it into the course's {@code serverFilesCourse}), {@code DIR/Dockerfile} (the grader image, from a
 * public base, for a course that builds its own), and {@code DIR/externalGradingOptions.json} (what
 * to put in a question's {@code info.json}).
 */
@Command(name = "prairielearn", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Writes PrairieLearn external grader files (see docs/prairielearn.md).")
final class PrairieLearnPackage implements Callable<Integer> {
  /** The grader's folder in the course's serverFilesCourse. */
  static final String FOLDER = "sockspec";

  @ParentCommand
  AutograderCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  PackageOptions options;

  @Override
  public Integer call() {
    String manifest;
    Path jar;
    try {
      KitPackage.writableFolder(options.out);
      manifest = KitPackage.manifest(options.lab);
      jar = KitPackage.jar();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Path server = options.out.resolve("serverFilesCourse").resolve(FOLDER);
    KitPackage.write(server.resolve("run_grader"), KitPackage.script("run_grader"), true);
    KitPackage.write(server.resolve("lab.toml"), manifest.getBytes(StandardCharsets.UTF_8), false);
    KitPackage.write(server.resolve("sockspec.jar"), KitPackage.read(jar), false);
    KitPackage.write(options.out.resolve("Dockerfile"), KitPackage.script("Dockerfile"), false);
    KitPackage.write(options.out.resolve("externalGradingOptions.json"), options().getBytes(StandardCharsets.UTF_8),
        false);
    parent.root.context().out().println("PrairieLearn grader files written to " + options.out
        + ": serverFilesCourse/" + FOLDER + "/ goes into the course, the options into each question's info.json "
        + "(docs/prairielearn.md).");
    return ExitStatus.PASSED;
  }

  /** The question's grading options: the grader image, its entrypoint, no network (loopback is all it uses). */
  static String options() {
    return """
        {
          "gradingMethod": "External",
          "externalGradingOptions": {
            "enabled": true,
            "image": "YOUR_ACCOUNT/sockspec-grader:%s",
            "serverFilesCourse": ["%s/"],
            "entrypoint": "/grade/serverFilesCourse/%s/run_grader",
            "timeout": 600,
            "enableNetworking": false
          }
        }
        """.formatted(KitVersion.get(), FOLDER, FOLDER);
  }
}
