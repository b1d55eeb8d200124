package org.sockspec.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sockspec.spec.Cause;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/**
 * One spec's result in one run: what every report renders. The message is the headline of a
 * failure (what was expected, what was seen), the reason of a skip or the problem of an error, and
 * empty for a pass; a failure or an error has its {@link Cause} (what reports and the grader read:
 * never the message); the evidence holds named texts in the order the spec produced them
 * (observations, transcript, sockets, processes, output), possibly none.
 *
 * @param cause why it failed or erred; null for a pass or a skip
 */
public record SpecResult(String id, Level level, String question, String summary, String hint, Status status,
    String message, Cause cause, Map<String, String> evidence, long durationMs) {
  /** The evidence entry of the spec's ladder diagram (pass or fail), and of its kept capture file. */
  public static final String LADDER = "ladder";
  public static final String CAPTURE = "capture";

  public SpecResult {
    message = message == null ? "" : message;
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    if (cause == null && status == Status.ERROR) {
      cause = new Cause.Kit(message); // an error is the kit's unless it says otherwise
    }
    if (cause == null && status == Status.FAILED) {
      throw new IllegalArgumentException("a failed result needs its cause: " + id);
    }
    if (status == Status.PASSED || status == Status.SKIPPED) {
      cause = null;
    }
  }

  public static SpecResult of(SpecInfo spec, Status status, String message, Cause cause, Map<String, String> evidence,
      long durationMs) {
    return new SpecResult(spec.id(), spec.level(), spec.question(), spec.summary(), spec.hint(), status,
        message, cause, evidence, durationMs);
  }

  /** A result with no cause: passed, skipped, or the kit's error. */
  public static SpecResult of(SpecInfo spec, Status status, String message, Map<String, String> evidence,
      long durationMs) {
    return of(spec, status, message, null, evidence, durationMs);
  }

  /** The cause, for a failure or an error. */
  public Optional<Cause> why() {
    return Optional.ofNullable(cause);
  }

  /** Whether this result fails the check: a failed spec whose level counts (SHOULD only when strict). */
  public boolean failsCheck(boolean strict) {
    return status == Status.FAILED && level.failsCheck(strict);
  }

  /** Whether the kit could not judge a spec that counts: the run gives no verdict on it. */
  public boolean leavesCheckUndecided(boolean strict) {
    return status == Status.ERROR && level.failsCheck(strict);
  }
}
