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
 * {@code sockspec autograder classroom --out DIR}: what an instructor adds to a GitHub Classroom
 * template repository: the workflow ({@code .github/workflows/classroom.yml}: the kit's grading step,
 * with the id {@value #STEP}, then Classroom's reporter naming it), and in {@code .sockspec/} the kit
 * pinned (its jar), the lab manifest (scenario files appended) and the runtime image's recipe, which
 * the workflow builds on the runner where it is missing.
 */
@Command(name = "classroom", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Writes a GitHub Classroom template's workflow and kit (see docs/classroom.md).")
final class ClassroomPackage implements Callable<Integer> {
  /** The grading step's id: the reporter reads its result from {@code SOCKSPEC_RESULTS}. */
  static final String STEP = "sockspec";

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
    Path kit = options.out.resolve(".sockspec");
    KitPackage.write(options.out.resolve(".github/workflows/classroom.yml"), KitPackage.script("classroom.yml"), false);
    KitPackage.write(kit.resolve("sockspec.jar"), KitPackage.read(jar), false);
    KitPackage.write(kit.resolve("lab.toml"), manifest.getBytes(StandardCharsets.UTF_8), false);
    Path runtime = kit.resolve("runtime");
    KitPackage.write(runtime.resolve("Dockerfile"), KitPackage.script("runtime.Dockerfile"), false);
    KitPackage.write(runtime.resolve("packages"), KitPackage.resource("/org/sockspec/runtime/packages"), false);
    KitPackage.write(runtime.resolve("setup.sh"), KitPackage.resource("/org/sockspec/runtime/setup.sh"), false);
    KitPackage.write(runtime.resolve("image"), (org.sockspec.bench.Sandboxes.runtimeImage() + "\n")
        .getBytes(StandardCharsets.UTF_8), false);
    parent.root.context().out().println("GitHub Classroom template files written to " + options.out
        + ": .github/workflows/classroom.yml and .sockspec/ go into the template repository (docs/classroom.md).");
    return ExitStatus.PASSED;
  }
}
