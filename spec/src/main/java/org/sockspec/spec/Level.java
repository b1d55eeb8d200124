package org.sockspec.spec;

/**
 * How much a spec counts (after h2spec's strict mode and Autobahn's INFORMATIONAL): a MUST
 * failure fails the check; a SHOULD failure fails it only in strict mode; an INFO spec reports what
 * it observed and never fails the check.
 */
public enum Level {
  MUST, SHOULD, INFO;

  /** Whether a failure of a spec at this level fails the whole check. */
  public boolean failsCheck(boolean strict) {
    return this == MUST || (strict && this == SHOULD);
  }
}
