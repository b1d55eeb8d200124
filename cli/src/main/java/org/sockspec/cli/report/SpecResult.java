package org.sockspec.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/**
 * One spec's result in one run: what every report renders. The message is the headline of a
 * failure (what was expected, what was seen), the reason of a skip or the cause of an error, and
 * empty for a pass; the evidence holds named texts in the order the spec produced them
 * (observations, transcript, sockets, processes, output), possibly none.
 */
public record SpecResult(String id, Level level, String question, String summary, String hint, Status status,
    String message, Map<String, String> evidence, long durationMs) {

  public SpecResult {
    message = message == null ? "" : message;
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  public static SpecResult of(SpecInfo spec, Status status, String message, Map<String, String> evidence,
      long durationMs) {
    return new SpecResult(spec.id(), spec.level(), spec.question(), spec.summary(), spec.hint(), status,
        message, evidence, durationMs);
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
