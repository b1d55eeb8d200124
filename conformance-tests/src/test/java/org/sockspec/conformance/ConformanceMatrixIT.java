package org.sockspec.conformance;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.sockspec.spec.Catalogue;
import org.sockspec.spec.TargetConfig;

/**
 * Runs the conformance matrix in containers: each row of the expected-verdicts/ tables is its own test
 * line, which runs one spec against one reference program (or defect variant) through the JUnit
 * engine (as JUnit's EngineTestKit tests JUnit) and checks its verdict. A spec that must fail must
 * fail as a spec (a {@link org.sockspec.spec.SpecFailure}), not with a kit error (see {@link SpecRun}).
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
    Catalogue.find(row.specId()).orElseThrow(() -> new AssertionFailedError(
        "expected-verdicts line " + row.line() + " names an unknown spec " + row.specId()));
    SpecRun.expect(row.specId(), Map.of(
        TargetConfig.KIND, row.kind().id(),
        TargetConfig.REFERENCE, row.program(),
        TargetConfig.DEFECT, row.defect() == null ? "" : row.defect()), row.passes(), row.targetName());
  }
}
