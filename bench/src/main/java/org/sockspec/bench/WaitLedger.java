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
  /** "a TCP receive, window 3000 ms" -> {count, milliseconds}: where the waiting went. */
  private static final java.util.Map<String, long[]> BY_KIND = new java.util.TreeMap<>();

  private WaitLedger() {}

  /** A wait of {@code kind} ("a TCP receive") and {@code window} ran to its bound after {@code millis}. */
  static void ranToBound(String kind, Duration window, long millis) {
    NANOS.add(Duration.ofMillis(millis).toNanos());
    WAITS.increment();
    synchronized (BY_KIND) {
      long[] entry = BY_KIND.computeIfAbsent(kind + ", window " + window.toMillis() + " ms", k -> new long[2]);
      entry[0]++;
      entry[1] += millis;
    }
  }

  /** Every kind of wait that ran to its bound, most time first: "12 x a TCP receive, window 3000 ms: 36.0 s". */
  public static java.util.List<String> breakdown() {
    synchronized (BY_KIND) {
      return BY_KIND.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
          .map(e -> e.getValue()[0] + " x " + e.getKey() + ": " + String.format(java.util.Locale.ROOT, "%.1f s",
              e.getValue()[1] / 1000.0)).toList();
    }
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
