package org.sockspec.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.JsonReporter;
import org.sockspec.cli.report.Style;
import org.sockspec.spec.SpecInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sockspec specs}: the catalogue, without running anything (after h2spec's dry run). */
@Command(name = "specs", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Lists the catalogue of specs (needs no containers).",
    description = {"Lists the catalogue: each spec's id, level (MUST, SHOULD, INFO), the kinds it applies "
        + "to, the handout question it answers and what it checks. Needs no container engine.", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:listed", "2:bad usage"})
final class SpecsCommand implements Callable<Integer> {
  /** The formats of this listing. */
  enum ListFormat { text, json }

  @ParentCommand
  SockspecCommand root;

  @Option(names = "--as", paramLabel = "KIND", converter = Converters.KindConverter.class,
      completionCandidates = Converters.KindNames.class,
      description = "Only the specs that apply to KIND: ${COMPLETION-CANDIDATES}.")
  Kind kind;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  ListFormat format = ListFormat.text;

  @Option(names = "--lab", paramLabel = "FILE", description = "A lab manifest: its specs in its words (those it "
      + "skips and those its protocol leaves without an object left out).")
  java.nio.file.Path lab;

  @Mixin
  ProtocolOptions protocol = new ProtocolOptions();

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CliContext context = root.context();
    List<SpecInfo> specs;
    try {
      specs = specs();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (format == ListFormat.json) {
      JsonReporter.print(json(specs), context.out());
    } else {
      text(specs, Style.of(context.colour()), context.out());
    }
    return ExitStatus.PASSED;
  }

  /** The catalogue, or in a lab's protocol and words: the handout's unless --lab or the flags say otherwise. */
  private List<SpecInfo> specs() {
    if (lab == null && !protocol.anyGiven()) {
      return kind == null ? Catalogue.specs() : Catalogue.specsFor(kind);
    }
    org.sockspec.cli.grade.LabManifest manifest = lab == null ? null : org.sockspec.cli.grade.LabManifest.read(lab);
    org.sockspec.bench.LabProtocol labProtocol = protocol.over(manifest == null
        ? org.sockspec.bench.LabProtocol.HANDOUT : manifest.protocol());
    java.util.Set<String> skipped = manifest == null ? java.util.Set.of() : manifest.skipped();
    List<Kind> kinds = kind == null ? List.of(Kind.values()) : List.of(kind);
    java.util.Map<String, SpecInfo> found = new java.util.LinkedHashMap<>();
    for (SpecInfo each : Catalogue.specs()) {
      for (Kind k : kinds) {
        if (each.appliesTo(k, labProtocol) && !skipped.contains(each.id())) {
          found.putIfAbsent(each.id(), Catalogue.inWordsOf(each, labProtocol));
        }
      }
    }
    if (manifest != null) { // then the lab's scenarios, for a kind or for a program of that kind
      for (Kind k : kinds) {
        List<SpecInfo> scenarios = new java.util.ArrayList<>(manifest.scenariosFor(k, null));
        manifest.programs().values().stream().filter(p -> p.kind() == k)
            .forEach(p -> scenarios.addAll(manifest.scenariosFor(k, p.file())));
        scenarios.stream().filter(s -> !skipped.contains(s.id())).forEach(s -> found.putIfAbsent(s.id(), s));
      }
    }
    return List.copyOf(found.values());
  }

  static ObjectNode json(List<SpecInfo> specs) {
    ObjectNode root = JsonReporter.object();
    root.put("kit", KitVersion.get());
    ArrayNode list = root.putArray("specs");
    for (SpecInfo spec : specs) {
      ObjectNode item = list.addObject();
      item.put("id", spec.id());
      item.put("level", spec.level().name());
      item.put("question", spec.question());
      ArrayNode kinds = item.putArray("kinds");
      spec.kinds().forEach(k -> kinds.add(k.id()));
      item.put("summary", spec.summary());
      item.put("hint", spec.hint());
    }
    return root;
  }

  private void text(List<SpecInfo> specs, Style style, PrintWriter out) {
    out.println(style.bold("sockspec " + KitVersion.get() + ": " + specs.size() + (specs.size() == 1 ? " spec" : " specs")
        + (kind == null ? " in the catalogue" : " for kind " + kind)));
    int width = Math.max(2, specs.stream().mapToInt(s -> s.id().length()).max().orElse(0));
    out.println();
    out.println(style.dim(pad("ID", width) + "  LEVEL   Q    KINDS"));
    for (SpecInfo spec : specs) {
      out.println(pad(spec.id(), width) + "  " + pad(spec.level().name(), 6) + "  " + pad(spec.question(), 4)
          + " " + spec.kinds().stream().map(Kind::id).collect(Collectors.joining(",")));
      out.println("    " + spec.summary());
    }
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
