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

/**
 * The conformance matrix's tables of expected verdicts (expected-verdicts/*.tsv). A table is in the
 * handout's protocol unless a line {@code @protocol NAME key=value...} says otherwise for the rows
 * below it (the keys are the lab manifest's: {@code answer}, {@code framing}, {@code end},
 * {@code end-answered}, {@code after-end}, {@code udp-buffer}, {@code greeting}), to the table's end.
 */
final class ExpectedVerdicts {
  /** The directive that names the protocol of the rows below it. */
  private static final String PROTOCOL = "@protocol";

  /**
   * One row: a reference program (with a defect or none) run as a kind in a lab's protocol, one spec,
   * its verdict and, for a failure, the kind of its cause.
   *
   * @param profile the protocol's name ({@code handout} for the handout's)
   * @param protocol the protocol, as configuration parameters (empty for the handout's)
   */
  record Row(String program, String defect, Kind kind, String specId, boolean passes, String cause, int line,
      String profile, Map<String, String> protocol) {
    String targetName() {
      return program + (defect == null ? "" : " --defect " + defect) + " as " + kind
          + (profile.equals(HANDOUT) ? "" : " (" + profile + ")");
    }
  }

  static final String HANDOUT = "handout";

  private final List<Row> rows;

  private ExpectedVerdicts(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Loads every table under expected-verdicts/ (one per lab part, so that parts can be edited
   * independently), in file name order.
   */
  static ExpectedVerdicts load() {
    String only = System.getProperty(PROFILES);
    ExpectedVerdicts all = loadAll();
    return only == null || only.isBlank() ? all : all.only(java.util.Set.of(only.split(",")));
  }

  /** {@code -Dsockspec.matrix.profiles=handout,...}: the protocols whose rows run (all of them by default). */
  static final String PROFILES = "sockspec.matrix.profiles";

  /** The rows of the protocols named {@code profiles} only. */
  ExpectedVerdicts only(java.util.Set<String> profiles) {
    return new ExpectedVerdicts(rows.stream().filter(row -> profiles.contains(row.profile())).toList());
  }

  private static ExpectedVerdicts loadAll() {
    try {
      Path dir = Path.of(ExpectedVerdicts.class.getResource("/expected-verdicts").toURI());
      List<String> lines = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
          lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
          lines.add(PROTOCOL + " " + HANDOUT); // a table's protocol ends with it
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
    // Each line's protocol, by line number; the directives themselves become comments for TableLine.
    List<String> table = new ArrayList<>();
    Map<Integer, Map.Entry<String, Map<String, String>>> protocolAt = new java.util.HashMap<>();
    Map.Entry<String, Map<String, String>> current = Map.entry(HANDOUT, Map.of());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith(PROTOCOL)) {
        current = protocol(line, i + 1);
        table.add("# " + line);
      } else {
        table.add(lines.get(i));
      }
      protocolAt.put(i + 1, current);
    }
    List<Row> rows = new ArrayList<>();
    for (TableLine row : TableLine.parse(table, "expected-verdicts", "program defect kind spec")) {
      String[] f = row.fields();
      Map.Entry<String, Map<String, String>> protocol = protocolAt.get(row.line());
      rows.add(new Row(f[0], f[1].equals("-") ? null : f[1], Kind.parse(f[2]), f[3], row.passes(), row.cause(),
          row.line(), protocol.getKey(), protocol.getValue()));
    }
    return new ExpectedVerdicts(rows);
  }

  /** {@code @protocol NAME key=value...}: the name, and the keys as configuration parameters (checked). */
  private static Map.Entry<String, Map<String, String>> protocol(String line, int number) {
    String[] words = line.substring(PROTOCOL.length()).strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty() || words[0].contains("=")) {
      throw new IllegalArgumentException("expected-verdicts line " + number + ": want '" + PROTOCOL
          + " NAME key=value...', got: " + line);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int equals = words[i].indexOf('=');
      String key = equals < 0 ? "" : words[i].substring(0, equals);
      if (!org.sockspec.spec.TargetConfig.PROTOCOL_KEYS.contains(key)) {
        throw new IllegalArgumentException("expected-verdicts line " + number + ": '" + words[i] + "' is not key=value "
            + "with a key of " + org.sockspec.spec.TargetConfig.PROTOCOL_KEYS);
      }
      parameters.put("sockspec." + key, words[i].substring(equals + 1));
    }
    // Said once here, not in every row's failure: a protocol the kit refuses is the table's mistake.
    org.sockspec.spec.TargetConfig.protocol(key -> java.util.Optional.ofNullable(parameters.get(key)));
    return Map.entry(words[0], Map.copyOf(parameters));
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
