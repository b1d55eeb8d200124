package org.sockspec.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockspec.bench.Kind;
import org.sockspec.spec.Level;

/**
 * The scenarios of a lab: the {@code [[scenarios]]} tables of its manifest, and those of the files
 * its {@code scenario-files} names (beside it). Read as data only: nothing in a scenario file runs on
 * the grader. Every problem is a {@link ScenarioException} naming the file, the line and the key.
 */
public final class LabScenarios {
  private LabScenarios() {}

  /** The keys of a scenario's table. */
  public static final List<String> KEYS = List.of("id", "level", "points", "question", "summary", "hint", "kinds",
      "programs", "starts-program", "steps");
  /** The keys of a lab manifest that hold scenarios. */
  public static final List<String> MANIFEST_KEYS = List.of("scenarios", "scenario-files");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
  /**
   * The scenarios of the lab manifest {@code labFile}, in the order written. Read afresh each time (a
   * run reads them once): a cache would have to know every file the manifest names.
   */
  public static List<Scenario> read(Path labFile) {
    Path file = labFile.toAbsolutePath().normalize();
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file, labFile.toString());
    } catch (IOException e) {
      throw new ScenarioException("cannot read the lab manifest " + labFile + ": " + e.getMessage());
    }
  }

  /** The scenarios in {@code text}, the manifest at {@code file} (named {@code name} in messages). */
  public static List<Scenario> parse(String text, Path file, String name) {
    return parse(tree(text, name), text, file, name);
  }

  /** As {@link #parse(String, Path, String)}, from the tree of {@code text} a reader of the manifest already has. */
  public static List<Scenario> parse(JsonNode root, String text, Path file, String name) {
    List<Scenario> all = new ArrayList<>(scenariosIn(root, text, name));
    JsonNode files = root.get("scenario-files");
    if (files != null) {
      int line = new SourceLines(text).lineOfTopKey("scenario-files");
      if (!files.isArray()) {
        throw new ScenarioException(name + ":" + line + ": key 'scenario-files': a list of files beside the manifest, "
            + "e.g. scenario-files = [\"scenarios/relay.toml\"]");
      }
      for (JsonNode entry : files) {
        all.addAll(included(entry, file, name, line));
      }
    }
    Map<String, Scenario> byId = new LinkedHashMap<>();
    for (Scenario s : all) {
      Scenario first = byId.putIfAbsent(s.id(), s);
      if (first != null) {
        throw new ScenarioException(s.where() + ": key 'id': the id '" + s.id() + "' is already the id of the scenario at "
            + first.where() + ": each scenario needs an id of its own");
      }
    }
    return List.copyOf(all);
  }

  private static List<Scenario> included(JsonNode entry, Path manifest, String name, int line) {
    String written = entry.asText("");
    Path relative = Path.of(written);
    if (!entry.isTextual() || written.isEmpty() || relative.isAbsolute() || relative.normalize().startsWith("..")) {
      throw new ScenarioException(name + ":" + line + ": key 'scenario-files': '" + written + "' must be a file beside "
          + "the manifest or in a folder under it (a relative path without ..)");
    }
    Path file = (manifest.getParent() == null ? Path.of(".") : manifest.getParent()).resolve(relative).normalize();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return scenariosIn(tree(text, file.toString()), text, file.toString());
    } catch (IOException e) {
      throw new ScenarioException(name + ":" + line + ": key 'scenario-files': cannot read " + file + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  private static JsonNode tree(String text, String name) {
    try {
      return new TomlMapper().readTree(text);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScenarioException(name + (line > 0 ? ":" + line : "") + ": not valid TOML: "
          + e.getOriginalMessage().lines().findFirst().orElse("?"));
    }
  }

  private static List<Scenario> scenariosIn(JsonNode root, String text, String name) {
    JsonNode tables = root.get("scenarios");
    if (tables == null) {
      return List.of();
    }
    SourceLines lines = new SourceLines(text);
    if (!tables.isArray()) {
      throw new ScenarioException(name + ":" + lines.lineOfTopKey("scenarios") + ": key 'scenarios': each scenario "
          + "is a table of its own, headed [[scenarios]]");
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      scenarios.add(scenario(tables.get(i), i, lines, name));
    }
    return scenarios;
  }

  private static Scenario scenario(JsonNode table, int index, SourceLines lines, String name) {
    String where = name + ":" + lines.scenario(index);
    java.util.function.BiFunction<String, String, ScenarioException> error = (key, message) ->
        new ScenarioException(name + ":" + lines.key(index, key) + ": scenario " + (table.hasNonNull("id")
            ? "'" + table.get("id").asText() + "'" : "number " + (index + 1)) + ", key '" + key + "': " + message);
    table.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        throw error.apply(key, "unknown key; a scenario's keys are " + String.join(", ", KEYS));
      }
    });
    String id = required(table, "id", error);
    if (!ID.matcher(id).matches()) {
      throw error.apply("id", "'" + id + "' is not an id: lower-case words joined by dots, e.g. chat.relay");
    }
    Level level = level(table, error);
    List<Kind> kinds = new ArrayList<>();
    for (String kind : list(table, "kinds", error)) {
      try {
        kinds.add(Kind.parse(kind));
      } catch (IllegalArgumentException e) {
        throw error.apply("kinds", e.getMessage());
      }
    }
    List<String> programs = list(table, "programs", error);
    if (kinds.isEmpty() && programs.isEmpty()) {
      throw error.apply("kinds", "say what the scenario applies to: kinds = [\"tcp\"] (" + Kind.names()
          + "), or programs = [\"chat_server.py\"] (file names of the lab's [programs])");
    }
    Optional<Double> points = Optional.empty();
    if (table.has("points")) {
      if (!table.get("points").isNumber() || table.get("points").asDouble() < 0) {
        throw error.apply("points", "points is a number of 0 or more, e.g. points = 2");
      }
      points = Optional.of(table.get("points").asDouble());
    }
    boolean starts = true;
    if (table.has("starts-program")) {
      if (!table.get("starts-program").isBoolean()) {
        throw error.apply("starts-program", "starts-program is true or false");
      }
      starts = table.get("starts-program").asBoolean();
    }
    JsonNode stepsNode = table.get("steps");
    if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
      throw error.apply("steps", "a scenario needs its steps: steps = [ { connect = \"A\" }, ... ], one inline "
          + "table a step (docs/scenarios.md lists them)");
    }
    List<Scenario.WrittenStep> steps = new ArrayList<>();
    for (int j = 0; j < stepsNode.size(); j++) {
      int number = j + 1;
      int line = lines.step(index, j);
      StepParser.Spot spot = (key, message) -> new ScenarioException(name + ":" + line + ": scenario '" + id
          + "', step " + number + ", key '" + key + "': " + message);
      Step step = StepParser.parse(stepsNode.get(j), spot);
      steps.add(new Scenario.WrittenStep(number, written(stepsNode.get(j)), step));
    }
    Scenario scenario = new Scenario(id, level, optional(table, "question", error), required(table, "summary", error),
        optional(table, "hint", error), kinds, programs, points, starts, steps, where);
    for (Kind kind : kinds) {
      List<String> problems = scenario.problemsFor(kind);
      if (!problems.isEmpty()) {
        throw error.apply("kinds", "for a program of kind " + kind.id() + ", " + problems.get(0));
      }
    }
    return scenario;
  }

  /** A step as an instructor wrote it, in TOML's inline-table form. */
  static String written(JsonNode step) {
    List<String> parts = new ArrayList<>();
    step.fields().forEachRemaining(field -> parts.add(field.getKey() + " = " + field.getValue().toString()));
    return "{ " + String.join(", ", parts) + " }";
  }

  private static Level level(JsonNode table, java.util.function.BiFunction<String, String, ScenarioException> error) {
    String written = optional(table, "level", error);
    if (written.isEmpty()) {
      return Level.MUST;
    }
    try {
      return Level.valueOf(written.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error.apply("level", "'" + written + "' is not a level: must, should or info");
    }
  }

  private static String required(JsonNode table, String key,
      java.util.function.BiFunction<String, String, ScenarioException> error) {
    String value = optional(table, key, error);
    if (value.isBlank()) {
      throw error.apply(key, "a scenario needs its " + key + " (a text in quotes)");
    }
    return value;
  }

  private static String optional(JsonNode table, String key,
      java.util.function.BiFunction<String, String, ScenarioException> error) {
    JsonNode value = table.get(key);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw error.apply(key, key + " is a text in quotes, got " + value);
    }
    return value.asText();
  }

  private static List<String> list(JsonNode table, String key,
      java.util.function.BiFunction<String, String, ScenarioException> error) {
    JsonNode value = table.get(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error.apply(key, key + " is a list in brackets, e.g. " + key + " = [\"" + (key.equals("kinds") ? "tcp"
          : "chat_server.py") + "\"]");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw error.apply(key, key + " holds texts in quotes, got " + item);
      }
      items.add(item.asText());
    }
    return items;
  }
}
