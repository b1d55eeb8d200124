package org.sockspec.cli.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code --repeat}: every (student, program, spec) whose verdict was not the same in every round. */
final class FlakeReport {
  private FlakeReport() {}

  static List<String> changes(Map<String, Map<String, Verdict>> first, Map<String, Map<String, Verdict>> again,
      int round) {
    List<String> changes = new ArrayList<>();
    first.forEach((student, row) -> row.forEach((name, verdict) -> {
      Verdict other = again.getOrDefault(student, Map.of()).get(name);
      if (other != verdict) {
        changes.add(student + " / " + name + ": " + verdict.label() + " in round 1, "
            + (other == null ? "not graded" : other.label()) + " in round " + round);
      }
    }));
    return changes;
  }

  static String render(List<String> changes, int rounds) {
    if (changes.isEmpty()) {
      return "Flake report: every verdict was the same in all " + rounds + " rounds.";
    }
    return "Flake report: " + changes.size() + " verdict(s) changed between rounds:\n  "
        + String.join("\n  ", changes);
  }
}
