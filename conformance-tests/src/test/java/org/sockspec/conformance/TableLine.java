package org.sockspec.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a whitespace-separated verdict table (expected-verdicts/*.tsv, handout-verdicts.tsv):
 * its line number and fields, the last of which is {@code pass} or {@code fail}. Blank lines and
 * {@code #} comments are skipped; a malformed row is an error naming its line and the expected shape.
 */
record TableLine(int line, String[] fields) {
  static List<TableLine> parse(List<String> lines, String table, String shape) {
    int columns = shape.split("\\s+").length;
    List<TableLine> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != columns || !(f[columns - 1].equals("pass") || f[columns - 1].equals("fail"))) {
        throw new IllegalArgumentException(table + " line " + (i + 1) + ": want '" + shape + "', got: " + line);
      }
      rows.add(new TableLine(i + 1, f));
    }
    return rows;
  }

  boolean passes() {
    return fields[fields.length - 1].equals("pass");
  }
}
