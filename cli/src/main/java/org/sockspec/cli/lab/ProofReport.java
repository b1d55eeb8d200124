package org.sockspec.cli.lab;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sockspec.cli.grade.LabManifest;
import org.sockspec.scenario.Scenario;

/** The matrix {@code sockspec lab prove} prints: a line per cell, what it noticed, and whether the matrix holds. */
final class ProofReport {
  private ProofReport() {}

  static void print(PrintWriter out, Path manifestFile, LabManifest manifest, List<ProofCell> cells) {
    long folders = cells.stream().map(ProofCell::folder).distinct().count();
    out.printf("Proof of %s: %d scenario%s, %d folder%s%n%n", manifestFile, manifest.scenarios().size(),
        manifest.scenarios().size() == 1 ? "" : "s", folders, folders == 1 ? "" : "s");
    int program = Math.max(16, cells.stream().mapToInt(c -> (c.folder() + "/" + c.program()).length()).max().orElse(0));
    int scenario = Math.max(8, cells.stream().mapToInt(c -> c.scenario().length()).max().orElse(0));
    int expected = Math.max(8, cells.stream().mapToInt(c -> c.expected().length()).max().orElse(0));
    String format = "  %-" + program + "s  %-" + scenario + "s  %-" + expected + "s  %s%n";
    out.printf(format, "folder/program", "spec", "expected", "seen");
    for (ProofCell cell : cells) {
      out.printf(format, cell.folder() + "/" + cell.program(), cell.scenario(), cell.expected(),
          cell.outcome() + (cell.holds() ? "" : "   <- DIFFERS"));
      if (!cell.holds() && !cell.why().isEmpty()) {
        cell.why().lines().forEach(line -> out.println("      " + line));
      }
      boolean builtIn = manifest.scenarios().stream().noneMatch(sc -> sc.id().equals(cell.scenario()));
      if (!cell.holds() && builtIn) {
        out.println("      (a built-in spec your solution fails: students are checked on it too. If your lab does not "
            + "ask for it, add it to the manifest's skip list: skip = [\"" + cell.scenario() + "\", ...])");
      }
    }
    List<String> noticed = noticed(manifest, cells);
    if (!noticed.isEmpty()) {
      out.println();
      out.println("Noticed:");
      noticed.forEach(line -> out.println("  - " + line));
    }
    long differ = cells.stream().filter(c -> !c.holds()).count();
    out.println();
    if (differ == 0) {
      out.printf("The matrix holds: %d of %d cells. The scenarios are ready for students.%n", cells.size(), cells.size());
    } else {
      out.printf("The matrix does not hold: %d of %d cells differ (marked DIFFERS above, with what was seen).%n",
          differ, cells.size());
    }
    out.flush();
  }

  /** What a proof shows beyond its cells: scenarios that cannot fail, or that no wrong program fails. */
  static List<String> noticed(LabManifest manifest, List<ProofCell> cells) {
    List<String> noticed = new java.util.ArrayList<>();
    for (Scenario scenario : manifest.scenarios()) {
      if (!scenario.expectsSomething()) {
        noticed.add(scenario.id() + " (" + scenario.where() + ") cannot fail: it has no step that expects anything, "
            + "so it passes whatever the program does.");
      } else if (cells.stream().noneMatch(c -> c.scenario().equals(scenario.id()))) {
        noticed.add(scenario.id() + " (" + scenario.where() + ") applies to no program of the folders proven.");
      } else if (cells.stream().noneMatch(c -> c.scenario().equals(scenario.id()) && c.expectedCause().isPresent())) {
        noticed.add(scenario.id() + " (" + scenario.where() + "): no wrong program is said to fail it, so nothing "
            + "shows it catches a fault; add a --wrong folder that does.");
      }
    }
    return noticed;
  }
}
