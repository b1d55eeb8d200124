package org.sockspec.cli.grade;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Target;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.catalogue.ScenarioSpecs;
import org.sockspec.scenario.LabScenarios;
import org.sockspec.scenario.Scenario;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * The one description of a lab: its protocol (what its servers answer, how messages are framed,
 * what ends a conversation, the UDP buffer, the port), which file of a submission is which kind of
 * program (each with its own protocol, port and command where it differs), the points of each spec,
 * and which specs students see only after release. Read from TOML (see {@code examples/lab.toml}
 * and docs/labs.md); the handout's own manifest is built in ({@link #defaults()}).
 *
 * @param protocol the lab's protocol, for a program the manifest does not name
 * @param port the lab's port, likewise
 * @param programs file name in a student's folder to its program, in grading order
 * @param points points per spec id; a spec not listed is worth {@code defaultPoints} (INFO: 0)
 * @param hidden spec ids shown to students only once grades are published
 * @param skipped spec ids this lab does not ask for (the handout's usage line, say): not run, not graded
 * @param scenarios the lab's own behaviours, written as steps (docs/scenarios.md), run beside the built-in specs
 * @param wrong for {@code sockspec lab prove}: each known-wrong folder's name, to the scenarios it must fail
 *     and the kind of cause each must fail with ({@code a|b} for either)
 * @param file where it was read from; empty for the built-in one
 */
public record LabManifest(String title, LabProtocol protocol, int port, Map<String, LabProgram> programs,
    Map<String, Double> points, Set<String> hidden, Set<String> skipped, double defaultPoints, List<Scenario> scenarios,
    Map<String, Map<String, String>> wrong, Optional<Path> file) {

  private static final String DEFAULT_RESOURCE = "default-lab.toml";
  private static final List<String> TOP_KEYS = concat(List.of("title", "default_points", "hidden", "skip", "protocol",
      "build", "programs", "points", "wrong"), LabScenarios.MANIFEST_KEYS);
  /** The keys of [protocol]: the protocol's, and the lab's port. */
  private static final List<String> PROTOCOL_TABLE_KEYS = concat(TargetConfig.PROTOCOL_KEYS, List.of("port"));
  /** The keys of a program's own table. */
  private static final List<String> PROGRAM_KEYS = concat(List.of("kind", "cmd", "build", "port"), TargetConfig.PROTOCOL_KEYS);

  public LabManifest {
    programs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    points = Map.copyOf(points);
    hidden = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
    skipped = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
    scenarios = List.copyOf(scenarios);
    wrong = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wrong));
  }

  /** The manifest of the lab this kit is built for, as {@code --print-lab} prints it. */
  public static LabManifest defaults() {
    return parse(defaultText(), "the built-in manifest", Optional.empty());
  }

  public static String defaultText() {
    try (InputStream in = LabManifest.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in lab manifest is missing from this build of sockspec");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @throws IllegalArgumentException saying what is wrong in the file and how to fix it */
  public static LabManifest read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), Optional.of(file));
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "there is no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
      throw new IllegalArgumentException("cannot read the lab manifest " + file + ": " + why
          + " (print the default one with 'sockspec grade --print-lab')", e);
    }
  }

  /** @throws IllegalArgumentException naming {@code source} and the problem (unknown ids list the valid ones) */
  public static LabManifest parse(String toml, String source) {
    return parse(toml, source, Optional.empty());
  }

  /** As {@link #parse(String, String)}, for the manifest at {@code file} (its scenario files are beside it). */
  public static LabManifest parse(String toml, String source, Optional<Path> file) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + " is not valid TOML: " + e.getOriginalMessage(), e);
    }
    onlyKeys(root, TOP_KEYS, source, "the top level");
    JsonNode protocolTable = root.path("protocol");
    if (!protocolTable.isMissingNode() && !protocolTable.isObject()) {
      throw new IllegalArgumentException(source + ": protocol must be a table, [protocol], with the keys "
          + String.join(", ", PROTOCOL_TABLE_KEYS) + ".");
    }
    onlyKeys(protocolTable, PROTOCOL_TABLE_KEYS, source, "[protocol]");
    LabProtocol protocol = protocolOf(LabProtocol.HANDOUT, protocolTable, source, "[protocol]");
    Optional<Integer> labPort = portOf(protocolTable, source, "[protocol]");
    int port = labPort.orElse(Target.DEFAULT_PORT);
    Optional<String> labBuild = command(root, "build", source, "the top level");
    Map<String, LabProgram> programs = new LinkedHashMap<>();
    JsonNode table = root.path("programs");
    if (!table.isObject() || table.isEmpty()) {
      throw new IllegalArgumentException(source + " has no [programs] table: say which file is which kind, "
          + "e.g. \"srv_tcp.py\" = \"tcp\" (kinds: " + Kind.names() + ").");
    }
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      String name = entry.getKey();
      if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")) {
        throw new IllegalArgumentException(source + ": [programs] names files of a student's folder, "
            + "not paths: '" + name + "'.");
      }
      programs.put(name, program(name, entry.getValue(), protocol, labPort, labBuild, source));
    }
    Map<String, Double> points = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("points").properties()) {
      if (!entry.getValue().isNumber() || entry.getValue().asDouble() < 0) {
        throw new IllegalArgumentException(source + ": [points] \"" + entry.getKey()
            + "\" must be a number of points, 0 or more.");
      }
      points.put(entry.getKey(), entry.getValue().asDouble());
    }
    Set<String> hidden = new LinkedHashSet<>();
    root.path("hidden").forEach(id -> hidden.add(id.asText()));
    Set<String> skipped = new LinkedHashSet<>();
    root.path("skip").forEach(id -> skipped.add(id.asText()));
    List<Scenario> scenarios = LabScenarios.parse(root, toml, file.orElse(Path.of(source)), source);
    ManifestScenarios.check(scenarios, programs, source);
    Set<String> scenarioIds = scenarios.stream().map(Scenario::id).collect(Collectors.toSet());
    java.util.function.Predicate<String> known = id -> Catalogue.find(id).isPresent() || scenarioIds.contains(id);
    List<String> unknown = new ArrayList<>();
    points.keySet().stream().filter(id -> !known.test(id)).forEach(unknown::add);
    hidden.stream().filter(id -> !known.test(id) && !unknown.contains(id)).forEach(unknown::add);
    skipped.stream().filter(id -> !known.test(id) && !unknown.contains(id)).forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(source + " names " + (unknown.size() == 1 ? "an unknown spec id: '"
          : "unknown spec ids: '") + String.join("', '", unknown) + "'. Valid ids: "
          + Catalogue.specs().stream().map(SpecInfo::id).collect(Collectors.joining(", "))
          + (scenarioIds.isEmpty() ? "" : ", and the lab's scenarios " + String.join(", ", scenarioIds))
          + " ('sockspec specs' describes them).");
    }
    Map<String, Map<String, String>> wrong = ManifestScenarios.wrong(root.path("wrong"), scenarioIds, source);
    double defaultPoints = root.path("default_points").asDouble(1.0);
    String title = root.path("title").asText("Lab");
    return new LabManifest(title, protocol, port, programs, points, hidden, skipped, defaultPoints, scenarios, wrong,
        file);
  }

  /** A program's entry: its kind alone ({@code "srv.py" = "tcp"}), or a table with its kind and what differs. */
  private static LabProgram program(String file, JsonNode entry, LabProtocol lab, Optional<Integer> labPort,
      Optional<String> labBuild, String source) {
    String where = "[programs] \"" + file + "\"";
    JsonNode kindNode = entry.isObject() ? entry.path("kind") : entry;
    if (entry.isObject()) {
      onlyKeys(entry, PROGRAM_KEYS, source, where);
    }
    if (!kindNode.isTextual()) {
      throw new IllegalArgumentException(source + ": " + where + " needs its kind, e.g. \"" + file + "\" = \"tcp\", "
          + "or \"" + file + "\" = { kind = \"tcp\", port = 5000 } (kinds: " + Kind.names() + ").");
    }
    Kind kind;
    try {
      kind = Kind.parse(kindNode.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + where + ": " + e.getMessage() + ".", e);
    }
    if (!entry.isObject()) {
      return new LabProgram(file, kind, lab, labPort.orElse(Target.DEFAULT_PORT), Optional.empty(), labBuild);
    }
    LabProtocol protocol = protocolOf(lab, entry, source, where);
    Optional<Integer> port = portOf(entry, source, where).or(() -> labPort);
    Optional<String> cmd = Optional.empty();
    if (entry.has("cmd")) {
      if (!entry.get("cmd").isTextual() || entry.get("cmd").asText().isBlank()) {
        throw new IllegalArgumentException(source + ": " + where + ": cmd is the command that starts the program, "
            + "run by sh in its folder, e.g. cmd = \"python3 " + file + " {port}\".");
      }
      cmd = Optional.of(entry.get("cmd").asText());
      if (cmd.get().contains(Target.PORT_PLACEHOLDER) && port.isEmpty()) {
        throw new IllegalArgumentException(source + ": " + where + ": cmd names {port} but no port is given: add "
            + "port = N to the program, or to [protocol] for every program.");
      }
    }
    Optional<String> build = command(entry, "build", source, where).or(() -> labBuild);
    return new LabProgram(file, kind, protocol, port.orElse(Target.DEFAULT_PORT), cmd, build);
  }

  /** A build command the table gives under {@code key}: a non-empty string. */
  private static Optional<String> command(JsonNode table, String key, String source, String where) {
    if (!table.has(key)) {
      return Optional.empty();
    }
    if (!table.get(key).isTextual() || table.get(key).asText().isBlank()) {
      throw new IllegalArgumentException(source + ": " + where + ": " + key + " is the command that builds a program, "
          + "run by sh in a writable copy of its folder, e.g. build = \"make\" or build = \"gcc -o srv srv.c\".");
    }
    return Optional.of(table.get(key).asText());
  }

  /** {@code base} with the protocol keys {@code table} holds instead. */
  private static LabProtocol protocolOf(LabProtocol base, JsonNode table, String source, String where) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String key : TargetConfig.PROTOCOL_KEYS) {
      JsonNode value = table.path(key);
      if (value.isMissingNode()) {
        continue;
      }
      if (!value.isValueNode()) {
        throw new IllegalArgumentException(source + ": " + where + ": " + key + " must be a text, a number or "
            + "true/false, not a table or a list.");
      }
      given.put("sockspec." + key, value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : value.asText());
    }
    try {
      return TargetConfig.protocol(base, key -> Optional.ofNullable(given.get(key)));
    } catch (IllegalArgumentException e) {
      String why = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getMessage();
      throw new IllegalArgumentException(source + ": " + where + ": " + why + ".", e);
    }
  }

  private static Optional<Integer> portOf(JsonNode table, String source, String where) {
    JsonNode port = table.path("port");
    if (port.isMissingNode()) {
      return Optional.empty();
    }
    if (!port.canConvertToInt() || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
      throw new IllegalArgumentException(source + ": " + where + ": port must be a number from 1 to 65535, got "
          + port + ".");
    }
    return Optional.of(port.asInt());
  }

  /** Refuses a key the manifest does not know (a typo would otherwise be silently ignored). */
  private static void onlyKeys(JsonNode table, List<String> valid, String source, String where) {
    if (!table.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      if (!valid.contains(entry.getKey())) {
        throw new IllegalArgumentException(source + ": " + where + " has no key '" + entry.getKey() + "'. Its keys: "
            + String.join(", ", valid) + " (docs/cli.md, 'The lab manifest', says what each means).");
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * The specs {@code program} is graded on: those of its kind in its protocol, in its lab's words,
   * then the lab's scenarios that apply to it, but those skipped.
   */
  public List<SpecInfo> specsFor(LabProgram program) {
    List<SpecInfo> specs = new ArrayList<>(Catalogue.specsFor(program.kind(), program.protocol()));
    specs.addAll(scenariosFor(program.kind(), program.file()));
    return specs.stream().filter(spec -> !skipped.contains(spec.id())).toList();
  }

  /** The lab's scenarios that apply to a program of {@code kind} named {@code file} (null: any name), as specs. */
  public List<SpecInfo> scenariosFor(Kind kind, String file) {
    return scenarios.stream().filter(s -> s.appliesTo(kind, file)).map(ScenarioSpecs::info).toList();
  }

  /**
   * The configuration parameters that give a run the scenarios among {@code plan}: the manifest they
   * are read from, and their ids; none when the plan holds none.
   */
  public Map<String, String> scenarioParameters(List<SpecInfo> plan) {
    List<String> ids = plan.stream().filter(SpecInfo::scenario).map(SpecInfo::id).toList();
    if (ids.isEmpty() || file.isEmpty()) {
      return Map.of();
    }
    return Map.of(TargetConfig.SCENARIOS, file.get().toAbsolutePath().normalize().toString(),
        TargetConfig.SCENARIO_IDS, String.join(",", ids));
  }

  /** The program the manifest names {@code file}, if any. */
  public Optional<LabProgram> program(String file) {
    return Optional.ofNullable(programs.get(file));
  }

  /** What {@code spec} is worth, for any program it applies to. */
  public double pointsOf(SpecInfo spec) {
    Double listed = points.get(spec.id());
    if (listed != null) {
      return listed;
    }
    Optional<Double> own = scenarios.stream().filter(s -> spec.scenario() && s.id().equals(spec.id())).findFirst()
        .flatMap(Scenario::points);
    if (own.isPresent()) {
      return own.get();
    }
    return spec.level() == Level.INFO ? 0 : defaultPoints;
  }

  public boolean isHidden(String specId) {
    return hidden.contains(specId);
  }

  /** Every (program, spec) pair graded, in manifest then catalogue order: the columns of the class's reports. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    programs.forEach((file, program) -> specsFor(program)
        .forEach(spec -> columns.add(new Column(file, program.kind(), spec))));
    return columns;
  }

  /** One graded spec of one program. */
  public record Column(String file, Kind kind, SpecInfo spec) {
    /** "srv_tcp.py: tcp.ack": the test's name in results.json and the CSV's header. */
    public String name() {
      return file + ": " + spec.id();
    }
  }
}
