package org.sockspec.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.SpecInfo;

/**
 * Renders the expected-verdicts tables as a readable document: one table per kind, a row per
 * implementation or defect variant run as that kind, a column per spec of that kind.
 */
final class MatrixDocument {
  private MatrixDocument() {}

  static String render(ExpectedVerdicts verdicts) {
    StringBuilder out = new StringBuilder();
    out.append("# The conformance matrix\n\n")
        .append("Generated from `conformance-tests/src/test/resources/expected-verdicts/*.tsv` by\n")
        .append("`MatrixDocumentTest` (regenerate: `mvn -pl conformance-tests test -Dsockspec.writeDocs=true`).\n")
        .append("`mvn verify` runs every cell below as its own test (`ConformanceMatrixIT`), in containers:\n")
        .append("pass = the spec must pass, **FAIL** `cause` = the spec must fail, as a spec failure (a kit error\n")
        .append("never counts) whose cause is of that kind (see docs/cli.md): the reason the row fails for.\n")
        .append("Rows are the reference programs of `impl` and their planted defects, run as the kind\n")
        .append("they are meant for and as kinds they are not; a blank cell is a spec not run for that row.\n")
        .append("A row marked (echo-lines) or (upper-exit) runs in another lab's protocol, told to the reference\n")
        .append("by its options (the `@protocol` line of its table: echo-lines is `--answer echo --framing line\n")
        .append("--end none`, upper-exit `--answer upper --end exit --after-end exit --udp-buffer 1024`).\n")
        .append("\nEvery planted defect fails at least one MUST spec (`DefectCoverageTest`), except two that break\n")
        .append("a behaviour the catalogue rates SHOULD, caught by that SHOULD spec (it counts with `--strict`):\n\n");
    DefectCoverageTest.CAUGHT_AT_SHOULD_ONLY.forEach((variant, why) ->
        out.append("- `").append(variant).append("`: ").append(why).append('\n'));
    Map<Kind, Map<String, Map<String, String>>> byKind = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      for (ExpectedVerdicts.Row row : verdicts.rows()) {
        if (row.kind() == kind) {
          String target = row.program() + (row.defect() == null ? "" : " `" + row.defect() + "`")
              + (row.profile().equals(ExpectedVerdicts.HANDOUT) ? "" : " (" + row.profile() + ")");
          byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>())
              .computeIfAbsent(target, t -> new LinkedHashMap<>()).put(row.specId(), row.passes() ? "pass"
                  : "**FAIL** `" + row.cause() + "`");
        }
      }
    }
    int cells = 0;
    for (Map.Entry<Kind, Map<String, Map<String, String>>> kind : byKind.entrySet()) {
      List<String> specs = specColumns(kind.getKey(), kind.getValue());
      out.append("\n## As `").append(kind.getKey()).append("`\n\n| program (defect) |");
      specs.forEach(id -> out.append(" ").append(id).append(" |"));
      out.append("\n| --- |");
      specs.forEach(id -> out.append(" :---: |"));
      out.append('\n');
      for (Map.Entry<String, Map<String, String>> target : kind.getValue().entrySet()) {
        out.append("| ").append(target.getKey()).append(" |");
        for (String id : specs) {
          String verdict = target.getValue().get(id);
          out.append(verdict == null ? "  |" : " " + verdict + " |");
          cells += verdict == null ? 0 : 1;
        }
        out.append('\n');
      }
    }
    out.append("\n").append(cells).append(" expected verdicts in all.\n");
    return out.toString();
  }

  /** The kind's specs in catalogue order, then any other spec id the table names. */
  private static List<String> specColumns(Kind kind, Map<String, Map<String, String>> targets) {
    Set<String> named = new LinkedHashSet<>();
    targets.values().forEach(cells -> named.addAll(cells.keySet()));
    List<String> columns = new ArrayList<>();
    for (SpecInfo spec : Catalogue.specs()) {
      if (named.remove(spec.id())) {
        columns.add(spec.id());
      }
    }
    columns.addAll(named);
    return columns;
  }
}
