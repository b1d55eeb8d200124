package org.sockspec.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.sockspec.bench.WaitLedger;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.TargetConfig;

/**
 * Runs the conformance matrix in containers: each row of the expected-verdicts/ tables is its own test
 * line, which runs one spec against one reference program (or defect variant) through the JUnit
 * engine (as JUnit's EngineTestKit tests JUnit) and checks its verdict. A spec that must fail must
 * fail as a spec (a {@link org.sockspec.spec.SpecFailure}), not with a kit error (see {@link SpecRun}).
 */
class ConformanceMatrixIT {
  private static long start;
  private static Duration waitedBefore;
  private static long waitsBefore;

  @BeforeAll
  static void startClock() {
    start = System.nanoTime();
    waitedBefore = WaitLedger.total(); // other test classes may have run in this JVM first
    waitsBefore = WaitLedger.waits();
  }

  /**
   * Writes the matrix's wall time and the share of it spent in waits that ran to their bound
   * (negative windows and replies that never came), for benchmarks/matrix-repeat.sh and the docs.
   */
  @AfterAll
  static void reportWaitingShare() throws IOException {
    MatrixTime time = new MatrixTime(ExpectedVerdicts.load().rows().size(),
        Duration.ofNanos(System.nanoTime() - start), WaitLedger.total().minus(waitedBefore),
        WaitLedger.waits() - waitsBefore);
    // The first line is the figure; then where the waiting went (this JVM's, other classes' included).
    String breakdown = String.join("\n", WaitLedger.breakdown().stream().map(line -> "  " + line).toList());
    System.out.println(time.describe() + "\n" + breakdown);
    Files.writeString(Path.of("target", "matrix-time.txt"), time.describe() + "\n" + breakdown + "\n");
  }

  /** Rows run side by side, as many as the sandbox has lanes; each target's rows in one container. */
  @TestFactory
  Stream<DynamicContainer> everySpecGetsItsExpectedVerdict() {
    return SpecRun.byTargetSideBySide(ExpectedVerdicts.load().byTarget(),
        row -> row.specId() + (row.passes() ? " passes" : " fails"), ConformanceMatrixIT::check);
  }

  private static void check(ExpectedVerdicts.Row row) {
    Catalogue.find(row.specId()).orElseThrow(() -> new AssertionFailedError(
        "expected-verdicts line " + row.line() + " names an unknown spec " + row.specId()));
    Map<String, String> config = new java.util.HashMap<>(row.protocol());
    config.putAll(Map.of(
        TargetConfig.KIND, row.kind().id(),
        TargetConfig.REFERENCE, row.program(),
        TargetConfig.DEFECT, row.defect() == null ? "" : row.defect()));
    SpecRun.Result seen = SpecRun.run(row.specId(), config);
    if (RECORD != null) {
      record(row, seen);
    }
    SpecRun.expect(seen, row.specId(), row.cause(), row.targetName());
  }

  /**
   * {@code -Dsockspec.matrix.record=FILE}: each row's verdict as seen is also written there as a table
   * line, to review when a table is drafted (the row itself still checks the table's verdict).
   */
  private static final String RECORD = System.getProperty("sockspec.matrix.record");

  private static synchronized void record(ExpectedVerdicts.Row row, SpecRun.Result seen) {
    String verdict = seen.passed() ? "pass" : seen.thrown().filter(t -> t instanceof org.sockspec.spec.SpecFailure)
        .map(t -> "fail " + ((org.sockspec.spec.SpecFailure) t).why().kind() + "    # "
            + ((org.sockspec.spec.SpecFailure) t).headline().replace('\n', ' '))
        .orElse("ERROR " + seen.thrown().map(Throwable::toString).orElse("?"));
    String line = String.format("%s\t%-18s %-17s %-11s %-29s %s%n", row.profile(), row.program(),
        row.defect() == null ? "-" : row.defect(), row.kind().id(), row.specId(), verdict);
    try {
      Files.writeString(Path.of(RECORD), line, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
