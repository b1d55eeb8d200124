package org.sockspec.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.sockspec.bench.Bench;
import org.sockspec.spec.Catalogue;
import org.sockspec.spec.SpecFailure;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * Runs one spec against one target through the JUnit engine (as JUnit's EngineTestKit tests JUnit),
 * configured exactly as a suite or the CLI would configure it, and checks its verdict: a spec that
 * must fail must fail as a spec (a {@link SpecFailure}), not with a kit error.
 */
final class SpecRun {
  private SpecRun() {}

  /** How one run ended: passed, or failed with what it threw. */
  record Verdict(boolean passed, Optional<Throwable> thrown) {}

  /**
   * Runs spec {@code specId} with the configuration parameters {@code config} (see TargetConfig);
   * {@code benchesAfter} more runs against the same target follow (their benches are opened ahead).
   */
  static Verdict run(String specId, Map<String, String> config, int benchesAfter) {
    SpecInfo spec = Catalogue.find(specId).orElseThrow(() -> new AssertionFailedError("unknown spec " + specId));
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(spec.specClass().getName() + "#" + spec.methodName() + "(" + Bench.class.getName() + ")"))
        .configurationParameters(config)
        .configurationParameter(TargetConfig.ONLY, specId)
        .configurationParameter(TargetConfig.BENCHES_AFTER, Integer.toString(benchesAfter))
        .execute();
    Event finished = results.testEvents().finished().stream().findFirst().orElseThrow(() ->
        new AssertionFailedError(specId + " did not run for " + config + " (skipped: " + results.testEvents().skipped()
            .stream().findFirst().flatMap(e -> e.getPayload(String.class)).orElse("?") + ")"));
    TestExecutionResult result = finished.getPayload(TestExecutionResult.class).orElseThrow();
    return new Verdict(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, result.getThrowable());
  }

  /** Runs the spec and checks it got {@code mustPass}'s verdict against {@code targetName}. */
  static void expect(String specId, Map<String, String> config, int benchesAfter, boolean mustPass,
      String targetName) {
    Verdict verdict = run(specId, config, benchesAfter);
    Optional<Throwable> thrown = verdict.thrown();
    if (mustPass && !verdict.passed()) {
      throw new AssertionFailedError(specId + " must pass against " + targetName + " but failed:\n"
          + thrown.map(SpecRun::describe).orElse("?"), thrown.orElse(null));
    }
    if (!mustPass) {
      if (verdict.passed()) {
        throw new AssertionFailedError(specId + " must fail against " + targetName
            + " (it is the spec that catches this defect) but it passed");
      }
      if (!(thrown.orElse(null) instanceof SpecFailure)) {
        throw new AssertionFailedError(specId + " must fail against " + targetName + " as a spec failure, but it "
            + "ended with an error:\n" + thrown.map(SpecRun::describe).orElse("?"), thrown.orElse(null));
      }
    }
  }

  /** One dynamic test per row of one target, in order, each knowing how many rows follow it. */
  static <R> Stream<DynamicTest> rowsOfOneTarget(List<R> rows, Function<R, String> name, RowCheck<R> check) {
    return IntStream.range(0, rows.size()).mapToObj(i -> DynamicTest.dynamicTest(name.apply(rows.get(i)),
        () -> check.run(rows.get(i), rows.size() - 1 - i)));
  }

  /** Checks one row, {@code rowsAfter} more rows of the same target following it. */
  interface RowCheck<R> {
    void run(R row, int rowsAfter);
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
