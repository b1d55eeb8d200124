package org.sockspec.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a whitespace-separated verdict table (expected-verdicts/*.tsv, handout-verdicts.tsv):
 * its line number, its leading fields, then its verdict, {@code pass} or {@code fail CAUSE} (the
 * kind of cause the failure must have: a spec that fails for another reason than the one a row
 * names does not hold the row; {@code CAUSE|CAUSE} names two, where which one is seen depends on the
 * reference's own speed). Blank lines and {@code #} comments are skipped; a malformed row is
 * an error naming its line and the expected shape.
 *
 * @param fields the fields before the verdict
 * @param cause the cause kind a failing row names; null for a pass
 */
record TableLine(int line, String[] fields, boolean passes, String cause) {
  /** {@code shape} names the leading fields ("program defect kind spec"). */
  static List<TableLine> parse(List<String> lines, String table, String shape) {
    int columns = shape.split("\\s+").length;
    String want = shape + " pass|fail CAUSE";
    List<TableLine> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      boolean passes = f.length == columns + 1 && f[columns].equals("pass");
      boolean fails = f.length == columns + 2 && f[columns].equals("fail");
      if (!passes && !fails) {
        throw new IllegalArgumentException(table + " line " + (i + 1) + ": want '" + want
            + "' (a failing row names the kind of its cause, see docs/cli.md), got: " + line);
      }
      rows.add(new TableLine(i + 1, java.util.Arrays.copyOf(f, columns), passes, fails ? f[columns + 1] : null));
    }
    return rows;
  }
}
