package org.sockspec.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link ConformanceMatrixIT} where there is no Maven: inside a platform look-alike, with the
 * sandbox its system properties name ({@code -Dsockspec.sandbox=process} there). One line per row,
 * {@code ROW <tab> PASSED|FAILED <tab> name <tab> first line of the failure}, then {@code ROWS n
 * FAILED m}; exit status 0 when every row got its expected verdict.
 */
public final class MatrixRunner {
  private MatrixRunner() {}

  public static void main(String[] args) {
    long[] rows = new long[2];
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ConformanceMatrixIT.class)).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
              if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                System.out.println("CONTAINER\tFAILED\t" + test.getDisplayName() + "\t" + firstLine(result));
                rows[1]++;
              }
              return;
            }
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            rows[0]++;
            rows[1] += passed ? 0 : 1;
            System.out.println("ROW\t" + (passed ? "PASSED" : "FAILED") + "\t" + test.getLegacyReportingName() + "\t"
                + (passed ? "" : firstLine(result)));
          }
        });
    System.out.println("ROWS " + rows[0] + " FAILED " + rows[1]);
    System.exit(rows[1] == 0 && rows[0] > 0 ? 0 : 1);
  }

  private static String firstLine(TestExecutionResult result) {
    return result.getThrowable().map(t -> String.valueOf(t.getMessage()).replace('\n', ' ')).orElse("?");
  }
}
