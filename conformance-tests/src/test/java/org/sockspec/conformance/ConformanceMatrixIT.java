package org.sockspec.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.sockspec.spec.Catalogue;
import org.sockspec.spec.SpecFailure;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * Runs the conformance matrix in containers: each row of the expected-verdicts/ tables is its own test
 * line, which runs one spec against one reference program (or defect variant) through the JUnit
 * engine (as JUnit's EngineTestKit tests JUnit) and checks its verdict. A spec that must fail must
 * fail as a spec (a {@link SpecFailure}), not with a kit error.
 */
class ConformanceMatrixIT {

  @TestFactory
  Stream<DynamicContainer> everySpecGetsItsExpectedVerdict() {
    return ExpectedVerdicts.load().byTarget().entrySet().stream()
        .map(target -> DynamicContainer.dynamicContainer(target.getKey(),
            target.getValue().stream().map(row -> DynamicTest.dynamicTest(
                row.specId() + (row.passes() ? " passes" : " fails"), () -> check(row)))));
  }

  private static void check(ExpectedVerdicts.Row row) {
    SpecInfo spec = Catalogue.find(row.specId()).orElseThrow(() -> new AssertionFailedError(
        "expected-verdicts line " + row.line() + " names an unknown spec " + row.specId()));
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(spec.specClass().getName() + "#" + spec.methodName() + "(org.sockspec.bench.Bench)"))
        .configurationParameter(TargetConfig.KIND, row.kind().id())
        .configurationParameter(TargetConfig.REFERENCE, row.program())
        .configurationParameter(TargetConfig.DEFECT, row.defect() == null ? "" : row.defect())
        .execute();
    Event finished = results.testEvents().finished().stream().findFirst().orElseThrow(() ->
        new AssertionFailedError(row.specId() + " did not run for " + row.targetName()
            + " (skipped: " + results.testEvents().skipped().stream().findFirst()
                .flatMap(e -> e.getPayload(String.class)).orElse("?") + ")"));
    TestExecutionResult result = finished.getPayload(TestExecutionResult.class).orElseThrow();
    Optional<Throwable> thrown = result.getThrowable();
    boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
    if (row.passes() && !passed) {
      throw new AssertionFailedError(row.specId() + " must pass against " + row.targetName()
          + " but failed:\n" + thrown.map(ConformanceMatrixIT::describe).orElse("?"), thrown.orElse(null));
    }
    if (!row.passes()) {
      if (passed) {
        throw new AssertionFailedError(row.specId() + " must fail against " + row.targetName()
            + " (it is the spec that catches this defect) but it passed");
      }
      if (!(thrown.orElse(null) instanceof SpecFailure)) {
        throw new AssertionFailedError(row.specId() + " must fail against " + row.targetName()
            + " as a spec failure, but it ended with an error:\n" + thrown.map(ConformanceMatrixIT::describe).orElse("?"),
            thrown.orElse(null));
      }
    }
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
