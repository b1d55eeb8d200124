package org.sockspec.bench;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the specs of this JVM spent in waits that ran to their bound: a negative window ("nothing
 * arrived", "still pending", "still running") waited in full, or a positive wait whose condition
 * never held. Everything else in a spec returns as soon as its condition holds, so this is the
 * share of a run's time that is waiting by design; the conformance matrix reports it.
 */
public final class WaitLedger {
  private static final LongAdder NANOS = new LongAdder();
  private static final LongAdder WAITS = new LongAdder();

  private WaitLedger() {}

  static void ranToBound(long millis) {
    NANOS.add(Duration.ofMillis(millis).toNanos());
    WAITS.increment();
  }

  /** Total time in waits that ran to their bound, since the JVM started. */
  public static Duration total() {
    return Duration.ofNanos(NANOS.sum());
  }

  /** How many waits ran to their bound, since the JVM started. */
  public static long waits() {
    return WAITS.sum();
  }
}
