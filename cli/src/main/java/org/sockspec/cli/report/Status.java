package org.sockspec.cli.report;

import java.util.Locale;

/** How one spec ended, as every report names it. */
public enum Status {
  /** The program showed the behaviour. */
  PASSED,
  /** The program did not show it: a verdict on the program, with what was expected and seen. */
  FAILED,
  /** The kit could not judge (a lost probe, an engine error): not a verdict on the program. */
  ERROR,
  /** Not run: the spec does not apply to the kind, or the kit was stopped before it. */
  SKIPPED;

  /** The lower-case name the JSON report and docs use ("passed", "failed", ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
