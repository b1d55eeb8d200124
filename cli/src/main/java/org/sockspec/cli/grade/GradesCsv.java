package org.sockspec.cli.grade;

import java.util.List;

/**
 * {@code grades.csv}: one row per finished student, one column per (program, spec) with the points
 * earned, then the total and the maximum (RFC 4180: comma separated, fields quoted when needed), as
 * a spreadsheet opens it. A spec the kit could not judge reads {@code kit error}, not 0.
 */
final class GradesCsv {
  private GradesCsv() {}

  static String render(List<LabManifest.Column> columns, List<GradescopeResults.Row> rows) {
    StringBuilder out = new StringBuilder("student");
    columns.forEach(c -> out.append(',').append(field(c.name())));
    out.append(",total,max,kit_errors\r\n");
    for (GradescopeResults.Row row : rows) {
      out.append(field(row.student()));
      for (LabManifest.Column column : columns) {
        GradescopeResults.Cell cell = row.cells().get(column.name());
        out.append(',').append(cell == null ? "" : cell.verdict() == Verdict.KIT_ERROR ? "kit error"
            : GradescopeResults.number(cell.score()));
      }
      out.append(',').append(GradescopeResults.number(row.score())).append(',')
          .append(GradescopeResults.number(row.maxScore())).append(',').append(row.kitErrors()).append("\r\n");
    }
    return out.toString();
  }

  /**
   * A field quoted when it holds a comma, quote or line break; one starting with a formula sign is
   * prefixed with a quote mark, so a student's folder name cannot become a spreadsheet formula.
   */
  static String field(String text) {
    String value = text.isEmpty() || "=+-@".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
