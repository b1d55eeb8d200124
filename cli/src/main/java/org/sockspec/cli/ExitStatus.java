package org.sockspec.cli;

import org.sockspec.cli.report.RunReport;

/**
 * The exit statuses of every sockspec command: a contract, graders and scripts branch on them (see
 * docs/cli.md). Only 0 and 1 are verdicts on the program; 2 and 3 say the check did not happen.
 */
public final class ExitStatus {
  /** Every MUST spec passed (MUST and SHOULD with --strict); for identify: the kind was found. */
  public static final int PASSED = 0;
  /** A spec that counts failed; for identify: no single kind matches. */
  public static final int FAILED = 1;
  /** Bad usage or input: the message says which and how to fix it. */
  public static final int USAGE = 2;
  /**
   * The kit cannot run here (no container engine, no image, no build) or could not judge a spec
   * that counts (status error): not a verdict on the program; fix what the message says, or retry.
   */
  public static final int CANNOT_RUN = 3;

  private ExitStatus() {}

  public static int of(RunReport.Conclusion verdict) {
    return switch (verdict) {
      case PASSED -> PASSED;
      case FAILED -> FAILED;
      case UNDECIDED -> CANNOT_RUN;
    };
  }
}
