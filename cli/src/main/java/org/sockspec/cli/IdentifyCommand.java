package org.sockspec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.CauseFields;
import org.sockspec.cli.report.JsonReporter;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.cli.report.Style;
import org.sockspec.cli.report.TextReporter;
import org.sockspec.cli.report.Texts;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sockspec identify PATH}: which kind of server the program behaves as, with the evidence. */
@Command(name = "identify", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Says which kind of server your program behaves as.",
    description = {"Runs the catalogue's discriminating specs against your server and says which kind it "
        + "behaves as: single-threaded TCP, multi-client TCP (fork, select or threads style) or UDP, "
        + "with the specs that show it. Identifying a UDP server takes longer: it is first given the "
        + "whole startup time to listen on TCP.", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the kind was found", "1:no single kind matches (the report says what was seen)",
        "2:bad usage or input", "3:cannot run containers here, or the kit could not judge a spec"},
    footerHeading = "%nExamples:%n",
    footer = {"  sockspec identify srv_tcp_select.py", "  sockspec identify my_server/ --cmd \"python3 server.py\" --format json"})
final class IdentifyCommand implements Callable<Integer> {
  /** The formats of this command's report. */
  enum IdentifyFormat { text, json }

  @ParentCommand
  SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  SandboxOption sandbox;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  IdentifyFormat format = IdentifyFormat.text;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error (with --format json).")
  boolean quiet;

  @Override
  public Integer call() {
    CliContext context = root.context();
    try {
      sandbox.apply(context);
      target.parameters(Kind.TCP);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    context.engine().require();
    boolean text = format == IdentifyFormat.text;
    Style style = text ? Style.of(context.colour()) : Style.PLAIN;
    PrintWriter progress = text ? context.out() : quiet ? null : context.err();
    if (progress != null) {
      progress.println(style.bold("sockspec " + KitVersion.get() + ": identifying " + target.path));
    }
    LabProtocol protocol = TargetConfig.protocol(key -> java.util.Optional.ofNullable(
        target.parameters(Kind.TCP).get(key)));
    Identification.Finding verdict = Identification.identify(id -> Catalogue.find(id, protocol), (specInfo, as) -> {
      SpecResult result = runOne(context, specInfo, as);
      if (progress != null) {
        progress.println(stepLine(specInfo, as, result, style));
        progress.flush();
      }
      return result;
    });
    List<SpecResult> scenarios = verdict.kind().map(kind -> labScenarios(context, kind)).orElse(List.of());
    if (text) {
      context.out().println(sentence(verdict, style));
      if (!scenarios.isEmpty()) {
        context.out().println("The lab's scenarios for it, as " + verdict.kind().get().id() + ":");
        scenarios.forEach(result -> context.out().println(scenarioLine(result, style)));
      }
    } else {
      if (progress != null) {
        progress.println(sentence(verdict, Style.PLAIN));
      }
      ObjectNode json = json(verdict, target.path);
      ArrayNode scenarioResults = json.putArray("scenarios");
      for (SpecResult result : scenarios) {
        ObjectNode item = scenarioResults.addObject();
        item.put("id", result.id());
        item.put("status", result.status().label());
        item.put("message", result.message());
        result.why().ifPresent(cause -> item.set("cause", CauseFields.json(cause)));
      }
      JsonReporter.print(json, context.out());
    }
    context.out().flush();
    return verdict.kind().isPresent() ? ExitStatus.PASSED
        : verdict.undecidedByError() ? ExitStatus.CANNOT_RUN : ExitStatus.FAILED;
  }

  /**
   * Once the kind is known, the lab's scenarios that apply to the program as that kind (with --lab):
   * run beside the built-in specs the identification ran, reported, not part of the verdict.
   */
  private List<SpecResult> labScenarios(CliContext context, Kind kind) {
    List<SpecInfo> plan = target.manifest().map(lab -> lab.scenariosFor(kind, target.fileName())).orElse(List.of());
    if (plan.isEmpty()) {
      return List.of();
    }
    Map<String, String> parameters = new LinkedHashMap<>(target.parameters(kind));
    parameters.putAll(target.manifest().orElseThrow().scenarioParameters(plan));
    return context.runner().run(new RunRequest(kind, target.path, parameters, plan, false), SpecListener.NONE)
        .results();
  }

  private static String scenarioLine(SpecResult result, Style style) {
    String line = "  " + statusWord(result, style) + "  " + result.id() + ": " + result.summary();
    if (result.status() != Status.PASSED && !result.message().isEmpty()) {
      line += "\n" + style.dim(Texts.indent(Texts.printable(result.message()), "         "));
    }
    return line;
  }

  private SpecResult runOne(CliContext context, SpecInfo specInfo, Kind as) {
    Map<String, String> parameters = new LinkedHashMap<>(target.parameters(as));
    parameters.put(TargetConfig.ONLY, specInfo.id());
    RunReport report = context.runner().run(new RunRequest(as, target.path, parameters, List.of(specInfo), false),
        SpecListener.NONE);
    return report.results().get(0);
  }

  /** A result's status as the lines show it, five characters wide. */
  private static String statusWord(SpecResult result, Style style) {
    return switch (result.status()) {
      case PASSED -> style.green("PASS ");
      case FAILED -> style.yellow("FAIL ");
      case ERROR -> style.red("ERROR");
      case SKIPPED -> style.dim("SKIP ");
    };
  }

  private static String stepLine(SpecInfo specInfo, Kind as, SpecResult result, Style style) {
    String word = statusWord(result, style);
    Identification.Clue clue = Identification.CLUES.stream().filter(c -> c.specId().equals(specInfo.id()))
        .findFirst().orElseThrow();
    String meaning = result.status() == Status.PASSED ? clue.passedMeans()
        : result.status() == Status.FAILED ? clue.failedMeans() : "no answer from this spec";
    String line = "  " + word + "  " + specInfo.id() + " (as " + as + ", " + Texts.duration(result.durationMs())
        + "): " + meaning;
    if (result.status() != Status.PASSED && !result.message().isEmpty()) {
      line += "\n" + style.dim(Texts.indent(Texts.printable(result.message()), "         "));
    }
    if (result.status() == Status.PASSED) {
      for (Map.Entry<String, String> item : result.evidence().entrySet()) {
        line += "\n" + style.dim(TextReporter.observation(item.getKey(), item.getValue()));
      }
    }
    return line;
  }

  /** The verdict in words: the kind, or what is known and why no more. */
  static String sentence(Identification.Finding verdict, Style style) {
    if (verdict.kind().isPresent()) {
      Kind kind = verdict.kind().get();
      return "It behaves as " + style.bold(kind.id()) + ": " + Identification.describe(kind) + ".";
    }
    if (verdict.undecidedByError()) {
      return style.yellow("No answer") + ": the kit could not run a spec it needed (see above); run it again.";
    }
    if (verdict.candidates().isEmpty() || !verdict.confirmed().containsAll(verdict.candidates())) {
      return style.yellow("It behaves as none of the server kinds")
          + " the kit knows (tcp, udp, tcp-fork, tcp-select, tcp-threads): see the messages above. A client? "
          + "Check it with --as client-tcp or --as client-udp. A server? 'sockspec check PATH --as tcp' "
          + "(or udp) shows why each spec fails.";
    }
    String open = verdict.candidates().stream().map(Kind::id).collect(Collectors.joining(", "));
    return "It is one of " + style.bold(open) + "; the catalogue cannot tell them apart yet"
        + (verdict.missing().isEmpty() ? "." : " (it has no spec " + String.join(", ", verdict.missing()) + " yet).");
  }

  static ObjectNode json(Identification.Finding verdict, String targetPath) {
    ObjectNode root = JsonReporter.object();
    root.put("kit", KitVersion.get());
    root.put("target", targetPath);
    if (verdict.kind().isPresent()) {
      root.put("kind", verdict.kind().get().id());
    } else {
      root.putNull("kind");
    }
    ArrayNode candidates = root.putArray("candidates");
    verdict.candidates().forEach(k -> candidates.add(k.id()));
    root.put("verdict", sentence(verdict, Style.PLAIN));
    ArrayNode evidence = root.putArray("evidence");
    for (Identification.Step step : verdict.steps()) {
      SpecResult r = step.result();
      ObjectNode item = evidence.addObject();
      item.put("id", r.id());
      item.put("ranAs", step.ranAs().id());
      item.put("status", r.status().label());
      item.put("meaning", step.meaning());
      item.put("message", r.message());
      r.why().ifPresent(cause -> item.set("cause", CauseFields.json(cause)));
      ObjectNode items = item.putObject("evidence");
      r.evidence().forEach(items::put);
      item.put("durationMs", r.durationMs());
    }
    ArrayNode missing = root.putArray("missingSpecs");
    verdict.missing().forEach(missing::add);
    return root;
  }
}
