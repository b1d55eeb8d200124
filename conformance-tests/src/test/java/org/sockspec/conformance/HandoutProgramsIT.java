package org.sockspec.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.sockspec.bench.Kind;
import org.sockspec.spec.TargetConfig;

/**
 * The handout's own Python programs (typos fixed, kept by impl under src/test/resources/handout/),
 * checked as the kinds they are, as a student's files are: each row of handout-verdicts.tsv runs
 * one spec against one program file and checks the verdict reasoned from the handout.
 */
class HandoutProgramsIT {
  /** Where impl keeps the handout's programs, from this module's folder or from the repository's. */
  private static final List<Path> HANDOUT_DIRS = List.of(Path.of("../impl/src/test/resources/handout"),
      Path.of("impl/src/test/resources/handout"));

  /** One row: a program file of the handout checked as a kind, one spec, its verdict. */
  record Row(String file, Kind kind, String specId, boolean passes, String cause, int line) {
    String targetName() {
      return "handout " + file + " as " + kind;
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyHandoutProgramGetsItsExpectedVerdicts() throws IOException {
    Path dir = handoutDir();
    Map<String, List<Row>> byTarget = new LinkedHashMap<>();
    rows().forEach(row -> byTarget.computeIfAbsent(row.targetName(), k -> new ArrayList<>()).add(row));
    return SpecRun.byTargetSideBySide(byTarget, row -> row.specId() + (row.passes() ? " passes" : " fails"),
        row -> SpecRun.expect(row.specId(), Map.of(
            TargetConfig.KIND, row.kind().id(),
            TargetConfig.PATH, dir.resolve(row.file()).toString()), row.cause(), row.targetName()));
  }

  static List<Row> rows() throws IOException {
    List<String> lines;
    try (InputStream in = HandoutProgramsIT.class.getResourceAsStream("/handout-verdicts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("handout-verdicts.tsv is missing from the test resources");
      }
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<Row> rows = new ArrayList<>();
    for (TableLine row : TableLine.parse(lines, "handout-verdicts.tsv", "program-file kind spec")) {
      String[] f = row.fields();
      rows.add(new Row(f[0], Kind.parse(f[1]), f[2], row.passes(), row.cause(), row.line()));
    }
    return rows;
  }

  private static Path handoutDir() {
    return HANDOUT_DIRS.stream().filter(dir -> Files.isRegularFile(dir.resolve("srv_tcp.py"))).findFirst()
        .map(Path::toAbsolutePath).orElseThrow(() -> new IllegalStateException(
            "the handout's programs are not where impl keeps them: " + HANDOUT_DIRS + " (from " + Path.of("")
                .toAbsolutePath() + ")"));
  }
}
