package org.sockspec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sockspec.bench.Kind;
import org.sockspec.cli.report.RunReport;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec check PATH --as KIND}: the catalogue's specs for a kind, in the lab's protocol
 * (the handout's, its flags, or a lab manifest's), against a student's program.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Checks your program against every spec of its kind.",
    description = {"Runs every spec of the catalogue that applies to KIND against your program, each in "
        + "a fresh container, and reports which behaviours hold and, for the others, what was expected, "
        + "what was seen, and the evidence (transcript, socket table, processes, your program's output).", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every MUST spec passed (MUST and SHOULD with --strict)", "1:a spec that counts failed",
        "2:bad usage or input (the message says which)",
        "3:cannot run containers here (the message says what to install or start), or the kit could not "
            + "judge a spec that counts (status error): not a verdict, run it again"},
    footerHeading = "%nExamples:%n",
    footer = {"  sockspec check srv_tcp.py --as tcp",
        "  sockspec check srv_udp.py --as udp --only udp.ack --format json",
        "  sockspec check echo_server.py --as tcp --answer echo --end none --cmd \"python3 echo_server.py {port}\" --port 5000",
        "  sockspec check --lab lab.toml server.py",
        "  sockspec check my_server/ --cmd \"python3 server.py\" --as tcp-select --strict",
        "  sockspec check Server.jar --as tcp-threads --format junit --out report.xml"})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand
  SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Option(names = "--as", paramLabel = "KIND", converter = Converters.KindConverter.class,
      completionCandidates = Converters.KindNames.class,
      description = "What your program is: ${COMPLETION-CANDIDATES}. Needed unless --lab names your program's file.")
  Kind as;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these specs "
      + "(ids from 'sockspec specs', comma separated).")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip", split = ",", paramLabel = "ID", description = "Leave out these specs: behaviours "
      + "your lab does not ask for, e.g. client.usage (a lab manifest's skip list does the same).")
  List<String> skip = new ArrayList<>();

  @Option(names = "--strict", description = "SHOULD specs count as MUST: a failed one fails the check.")
  boolean strict;

  @Mixin
  ReportOptions report;

  @Mixin
  SandboxOption sandbox;

  @Override
  public Integer call() {
    CliContext context = root.context();
    Map<String, String> parameters;
    List<SpecInfo> plan;
    Kind kind;
    try {
      sandbox.apply(context);
      kind = target.kind(as);
      parameters = new LinkedHashMap<>(target.parameters(kind));
      java.util.Set<String> skipped = new java.util.LinkedHashSet<>(skip);
      target.manifest().ifPresent(lab -> skipped.addAll(lab.skipped()));
      List<SpecInfo> scenarios = target.manifest().map(lab -> lab.scenariosFor(kind, target.fileName()))
          .orElse(List.of());
      plan = Plan.of(kind, TargetConfig.protocol(key -> java.util.Optional.ofNullable(parameters.get(key))), scenarios,
          only, skipped);
      target.manifest().ifPresent(lab -> parameters.putAll(lab.scenarioParameters(plan)));
      report.validate();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (!only.isEmpty()) {
      parameters.put(TargetConfig.ONLY, String.join(",", only));
    }
    if (report.capture != null) {
      parameters.put(TargetConfig.CAPTURE, report.capture.toAbsolutePath().normalize().toString());
    }
    if (!plan.isEmpty()) {
      context.engine().require();
      context.engine().warm(plan.size());
    }
    Reporting reporting = new Reporting(context, report);
    RunReport result = reporting.run(context.runner(), new RunRequest(kind, target.path, parameters, plan, strict,
        target.leftOut()));
    reporting.publish(result);
    return ExitStatus.of(result.conclusion());
  }
}
