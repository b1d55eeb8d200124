package org.sockspec.cli.grade;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.scenario.Scenario;

/** What a lab manifest says of its scenarios beyond their own tables: the programs they name, and the wrong folders. */
final class ManifestScenarios {
  private ManifestScenarios() {}

  /**
   * Each scenario has an id of its own (not a built-in spec's), names programs of the lab, and asks
   * each program it applies to by name only for what its kind can do.
   *
   * @throws IllegalArgumentException naming the scenario's file and line
   */
  static void check(List<Scenario> scenarios, Map<String, LabProgram> programs, String source) {
    for (Scenario scenario : scenarios) {
      if (Catalogue.find(scenario.id()).isPresent()) {
        throw new IllegalArgumentException(scenario.where() + ": key 'id': '" + scenario.id() + "' is the id of a "
            + "built-in spec: give the scenario an id of its own (the lab's name first, e.g. chat.relay)");
      }
      for (String file : scenario.programs()) {
        LabProgram program = programs.get(file);
        if (program == null) {
          throw new IllegalArgumentException(scenario.where() + ": key 'programs': the lab has no program '" + file
              + "' (its [programs]: " + String.join(", ", programs.keySet()) + ")");
        }
        List<String> problems = scenario.problemsFor(program.kind());
        if (!problems.isEmpty()) {
          throw new IllegalArgumentException(scenario.where() + ": key 'programs': " + file + " is of kind "
              + program.kind().id() + ": " + problems.get(0));
        }
      }
    }
  }

  /**
   * The {@code [wrong.NAME]} tables: for each known-wrong folder (by name), the scenarios it must fail
   * and the kind of cause (e.g. {@code "chat.not-to-sender" = "not-silent"}).
   */
  static Map<String, Map<String, String>> wrong(JsonNode table, Set<String> scenarioIds, String source) {
    Map<String, Map<String, String>> wrong = new LinkedHashMap<>();
    if (table.isMissingNode()) {
      return wrong;
    }
    if (!table.isObject()) {
      throw new IllegalArgumentException(source + ": wrong holds a table per known-wrong folder, e.g. "
          + "[wrong.echoes-to-sender] then \"chat.not-to-sender\" = \"not-silent\"");
    }
    for (Map.Entry<String, JsonNode> folder : table.properties()) {
      String where = source + ": [wrong." + folder.getKey() + "]";
      if (!folder.getValue().isObject() || folder.getValue().isEmpty()) {
        throw new IllegalArgumentException(where + " must list the scenarios this folder fails, each with the kind "
            + "of cause: \"chat.relay\" = \"no-answer\" (sockspec explain lists the kinds)");
      }
      Map<String, String> fails = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : folder.getValue().properties()) {
        if (!scenarioIds.contains(entry.getKey())) {
          throw new IllegalArgumentException(where + " names '" + entry.getKey() + "', which is not one of the lab's "
              + "scenarios (" + String.join(", ", scenarioIds) + ")");
        }
        if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
          throw new IllegalArgumentException(where + ": \"" + entry.getKey() + "\" is the kind of cause it must fail "
              + "with, in quotes (\"no-answer\", or \"no-answer|exited\" for either)");
        }
        for (String kind : entry.getValue().asText().split("\\|")) {
          if (!org.sockspec.spec.Cause.kinds().contains(kind.strip())) {
            throw new IllegalArgumentException(where + ": \"" + entry.getKey() + "\" names the kind of cause '" + kind
                + "', which is not one: the kinds are " + String.join(", ", org.sockspec.spec.Cause.kinds())
                + " (docs/cli.md, Causes)");
          }
        }
        fails.put(entry.getKey(), entry.getValue().asText());
      }
      wrong.put(folder.getKey(), fails);
    }
    return wrong;
  }
}
