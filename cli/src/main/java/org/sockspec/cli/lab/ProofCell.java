package org.sockspec.cli.lab;

import java.util.Arrays;
import java.util.Optional;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;

/**
 * One cell of a lab's proof: a scenario run against one program of one folder, what the manifest
 * expects of it (a pass, or a failure with a kind of cause), and what was seen.
 *
 * @param expectedCause empty: it must pass; else the kinds of cause it must fail with, {@code a|b}
 * @param seen the result; empty when the folder has no such program
 */
record ProofCell(String folder, String program, String scenario, Optional<String> expectedCause,
    Optional<SpecResult> seen) {

  /** Whether what was seen is what the manifest expects. */
  boolean holds() {
    if (seen.isEmpty()) {
      return false;
    }
    SpecResult result = seen.get();
    if (expectedCause.isEmpty()) {
      return result.status() == Status.PASSED;
    }
    return result.status() == Status.FAILED && result.why().map(cause -> Arrays.asList(expectedCause.get().split("\\|"))
        .contains(cause.kind())).orElse(false);
  }

  String expected() {
    return expectedCause.map(kind -> "fail " + kind).orElse("pass");
  }

  /** What was seen, in the matrix's words: pass, fail KIND, error, skipped, or the program missing. */
  String outcome() {
    if (seen.isEmpty()) {
      return "no " + program + " in the folder";
    }
    SpecResult result = seen.get();
    return switch (result.status()) {
      case PASSED -> "pass";
      case FAILED -> "fail " + result.why().map(c -> c.kind()).orElse("?");
      case ERROR -> "kit error";
      case SKIPPED -> "skipped";
    };
  }

  /** The result's message's first lines, for a cell that does not hold. */
  String why() {
    return seen.map(SpecResult::message).filter(m -> !m.isBlank()).map(m -> m.lines().limit(3)
        .reduce((a, b) -> a + "\n" + b).orElse("")).orElse("");
  }
}
