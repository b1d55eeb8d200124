package org.sockspec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.RunReport;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sockspec demo}: the catalogue against the kit's own reference programs. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Runs the catalogue against the kit's reference programs.",
    description = {"Runs the catalogue against the bundled reference implementations of the lab's "
        + "programs (the kit's Java versions), each checked as its own kind, and prints the report: what "
        + "a correct program's report looks like.", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every reference program passed every spec that counts", "1:a spec failed",
        "2:bad usage", "3:cannot run containers here, or the kit could not judge a spec"})
final class DemoCommand implements Callable<Integer> {
  /** A reference program of the impl module and the kind it is checked as. */
  record Reference(String program, Kind kind) {}

  static final List<Reference> REFERENCES = List.of(
      new Reference("srv_tcp", Kind.TCP),
      new Reference("srv_udp", Kind.UDP),
      new Reference("srv_tcp_fork", Kind.TCP_FORK),
      new Reference("srv_tcp_select", Kind.TCP_SELECT),
      new Reference("srv_tcp_threads", Kind.TCP_THREADS),
      new Reference("client_tcp", Kind.CLIENT_TCP),
      new Reference("client_udp", Kind.CLIENT_UDP));

  @ParentCommand
  SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = "--strict", description = "SHOULD specs count as MUST.")
  boolean strict;

  @Option(names = "--timescale", paramLabel = "X", converter = Converters.TimeScaleConverter.class,
      description = "Multiply every wait by X (default: ${DEFAULT-VALUE}).")
  double timescale = 1.0;

  @Mixin
  ProtocolOptions protocol = new ProtocolOptions();

  @Mixin
  ReportOptions report;

  @Mixin
  SandboxOption sandbox;

  @Override
  public Integer call() {
    CliContext context = root.context();
    LabProtocol lab;
    try {
      sandbox.apply(context);
      report.validate();
      lab = protocol.over(LabProtocol.HANDOUT);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    context.engine().requireReferencePrograms();
    Reporting reporting = new Reporting(context, report);
    List<RunReport> runs = new ArrayList<>();
    for (Reference reference : REFERENCES) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put(TargetConfig.KIND, reference.kind().id());
      parameters.put(TargetConfig.REFERENCE, reference.program());
      parameters.putAll(TargetConfig.parametersOf(lab));
      parameters.put(TargetConfig.TIMESCALE, Double.toString(timescale));
      if (report.capture != null) { // a folder per reference program, as several have specs of the same id
        parameters.put(TargetConfig.CAPTURE, report.capture.resolve(reference.program()).toAbsolutePath()
            .normalize().toString());
      }
      runs.add(reporting.run(context.runner(), new RunRequest(reference.kind(), "reference " + reference.program(),
          parameters, Catalogue.specsFor(reference.kind(), lab), strict)));
    }
    reporting.publishAll(runs);
    return ExitStatus.of(RunReport.conclusionOf(runs));
  }
}
