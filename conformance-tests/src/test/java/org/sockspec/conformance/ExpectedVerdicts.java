package org.sockspec.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sockspec.bench.Kind;

/** The conformance matrix's table of expected verdicts (expected-verdicts.tsv). */
final class ExpectedVerdicts {
  /**
   * One row: a reference program (with a defect or none) run as a kind, one spec, its verdict and,
   * for a failure, the kind of its cause.
   */
  record Row(String program, String defect, Kind kind, String specId, boolean passes, String cause, int line) {
    String targetName() {
      return program + (defect == null ? "" : " --defect " + defect) + " as " + kind;
    }
  }

  private final List<Row> rows;

  private ExpectedVerdicts(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Loads every table under expected-verdicts/ (one per lab part, so that parts can be edited
   * independently), in file name order.
   */
  static ExpectedVerdicts load() {
    try {
      Path dir = Path.of(ExpectedVerdicts.class.getResource("/expected-verdicts").toURI());
      List<String> lines = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
          lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
          lines.add("# end of " + file.getFileName());
        }
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("the expected-verdicts/ tables are missing from the test resources", e);
    }
  }

  static ExpectedVerdicts parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (TableLine row : TableLine.parse(lines, "expected-verdicts", "program defect kind spec")) {
      String[] f = row.fields();
      rows.add(new Row(f[0], f[1].equals("-") ? null : f[1], Kind.parse(f[2]), f[3], row.passes(), row.cause(),
          row.line()));
    }
    return new ExpectedVerdicts(rows);
  }

  List<Row> rows() {
    return rows;
  }

  /** Rows grouped by target (program, defect, kind), in table order. */
  Map<String, List<Row>> byTarget() {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    rows.forEach(row -> groups.computeIfAbsent(row.targetName(), k -> new ArrayList<>()).add(row));
    return groups;
  }
}
