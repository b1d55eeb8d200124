package org.sockspec.cli.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.RunRequest;
import org.sockspec.cli.SpecListener;
import org.sockspec.cli.grade.LabManifest;
import org.sockspec.cli.grade.LabProgram;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.spec.SpecInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec lab prove LAB --reference DIR [--wrong DIR ...]}: runs the lab's scenarios against
 * the instructor's own solutions (each must pass every scenario that applies to it) and against
 * known-wrong programs (each must fail where the manifest's {@code [wrong.NAME]} says, with the
 * cause it names, and pass the rest), and prints the matrix. Exit 0 only when it holds.
 */
@Command(name = "prove", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Proves a lab's scenarios against your solutions and your known-wrong programs.",
    description = {"Runs every scenario of the lab manifest against the programs of --reference (each must pass "
        + "every scenario that applies to it, and the built-in specs the lab does not skip) and of each --wrong folder (each must fail the scenarios the "
        + "manifest's [wrong.FOLDER] table lists, with the kind of cause it names, and pass the others), then "
        + "prints the matrix and what it noticed: a scenario that cannot fail, one that no wrong program fails.", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the matrix holds: the scenarios are ready for students", "1:a cell does not hold (listed)",
        "2:bad usage or input (the message says which)", "3:cannot run containers here, or a kit error"},
    footerHeading = "%nExample:%n",
    footer = {"  sockspec lab prove examples/labs/chat/lab.toml --reference examples/labs/chat/reference \\",
        "      --wrong examples/labs/chat/wrong/serial --wrong examples/labs/chat/wrong/echoes-to-sender"})
final class ProveCommand implements Callable<Integer> {
  @ParentCommand
  LabCommand lab;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB", description = "The lab manifest (TOML) with the scenarios.")
  Path manifestFile;

  @Option(names = "--reference", paramLabel = "DIR", required = true,
      description = "A folder with your own solutions, named as the manifest's [programs] names them.")
  Path reference;

  @Option(names = "--wrong", paramLabel = "DIR", description = "A folder of known-wrong programs; the manifest's "
      + "[wrong.NAME] (NAME: the folder's name) says which scenarios each must fail, and why. Repeatable.")
  List<Path> wrong = new ArrayList<>();

  @picocli.CommandLine.Mixin
  org.sockspec.cli.SandboxOption sandbox;

  @Override
  public Integer call() {
    CliContext context = lab.root.context();
    LabManifest manifest;
    try {
      sandbox.apply(context);
      manifest = LabManifest.read(manifestFile);
      checkFolders(manifest);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    context.engine().require();
    List<ProofCell> cells = new ArrayList<>();
    cells.addAll(prove(context, manifest, reference, Map.of()));
    for (Path folder : wrong) {
      cells.addAll(prove(context, manifest, folder, manifest.wrong().get(name(folder))));
    }
    ProofReport.print(context.out(), manifestFile, manifest, cells);
    return cells.stream().allMatch(ProofCell::holds) ? ExitStatus.PASSED
        : cells.stream().anyMatch(c -> c.seen().map(r -> r.status() == org.sockspec.cli.report.Status.ERROR)
            .orElse(false)) ? ExitStatus.CANNOT_RUN : ExitStatus.FAILED;
  }

  private void checkFolders(LabManifest manifest) {
    if (manifest.scenarios().isEmpty()) {
      throw new IllegalArgumentException(manifestFile + " has no scenarios to prove: add [[scenarios]] tables "
          + "(docs/scenarios.md)");
    }
    List<Path> all = new ArrayList<>(List.of(reference));
    all.addAll(wrong);
    for (Path folder : all) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("no such folder: " + folder);
      }
    }
    for (Path folder : wrong) {
      if (!manifest.wrong().containsKey(name(folder))) {
        throw new IllegalArgumentException(manifestFile + " says nothing of the wrong folder '" + name(folder)
            + "': add a table [wrong." + name(folder) + "] listing the scenarios it must fail and why, e.g. \""
            + manifest.scenarios().get(0).id() + "\" = \"no-answer\""
            + (manifest.wrong().isEmpty() ? "" : " (it has tables for " + String.join(", ", manifest.wrong().keySet())
                + ")"));
      }
    }
  }

  private static String name(Path folder) {
    return folder.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Every scenario against every program of {@code folder} it applies to (for the reference, the
   * built-in specs its lab does not skip too); {@code fails}: scenario id to cause kinds.
   */
  private static List<ProofCell> prove(CliContext context, LabManifest manifest, Path folder, Map<String, String> fails) {
    List<ProofCell> cells = new ArrayList<>();
    boolean isReference = fails.isEmpty();
    for (LabProgram program : manifest.programs().values()) {
      // The reference must also pass the built-in specs its lab does not skip (MUST and SHOULD):
      // students are checked on them too. A wrong folder is proven on the scenarios alone.
      List<SpecInfo> plan = isReference ? manifest.specsFor(program).stream()
          .filter(s -> s.scenario() || s.level() != org.sockspec.spec.Level.INFO).toList()
          : manifest.scenariosFor(program.kind(), program.file());
      if (plan.isEmpty()) {
        continue;
      }
      Path file = folder.resolve(program.file());
      if (!Files.exists(file)) {
        if (isReference || plan.stream().anyMatch(s -> fails.containsKey(s.id()))) {
          plan = plan.stream().filter(SpecInfo::scenario).toList();
          // The reference must have every program; a wrong folder, those it is said to fail.
          plan.forEach(s -> cells.add(new ProofCell(name(folder), program.file(), s.id(),
              Optional.ofNullable(fails.get(s.id())), Optional.empty())));
        }
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>(program.targetParameters(file));
      parameters.putAll(manifest.scenarioParameters(plan));
      RunReport report = context.runner().run(new RunRequest(program.kind(), file.toString(), parameters, plan, false),
          SpecListener.NONE);
      Map<String, SpecResult> byId = new LinkedHashMap<>();
      report.results().forEach(r -> byId.put(r.id(), r));
      for (SpecInfo scenario : plan) {
        cells.add(new ProofCell(name(folder), program.file(), scenario.id(), Optional.ofNullable(fails.get(scenario.id())),
            Optional.ofNullable(byId.get(scenario.id()))));
      }
    }
    return cells;
  }

}
