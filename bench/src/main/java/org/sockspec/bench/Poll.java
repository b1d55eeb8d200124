package org.sockspec.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded wait on a condition over snapshots the kit takes through the probe (a socket table,
 * a process list): it samples until the condition holds or the window ends, and returns the last
 * snapshot either way, so that a failure can show what was seen at the end of the window.
 */
public final class Poll {
  /** Between samples: each sample is a probe round trip already, this only avoids a hot loop. */
  private static final long PAUSE_NANOS = 10_000_000;

  /** The last snapshot, whether the condition held on it, and when it was taken. */
  public record Sampled<T>(T value, boolean met, long ms, Duration window) {}

  private Poll() {}

  /**
   * As {@link #until(Supplier, Predicate, Duration)}, and logs the wait and how it ended to
   * {@code transcript}, with what the last sample showed when {@code shown} says something.
   */
  static <T> Sampled<T> until(Transcript transcript, String what, Supplier<T> sample,
      Predicate<? super T> condition, Duration window, Function<? super T, String> shown) {
    Sampled<T> sampled = until(sample, condition, window);
    String seen = shown.apply(sampled.value());
    transcript.log("await " + what + " -> " + (sampled.met() ? "after " + sampled.ms() + " ms"
        : "not within " + window.toMillis() + " ms") + (seen.isEmpty() ? "" : ": " + seen));
    return sampled;
  }

  public static <T> Sampled<T> until(Supplier<T> sample, Predicate<? super T> condition, Duration window) {
    long start = System.nanoTime();
    long deadline = start + window.toNanos();
    while (true) {
      T value = sample.get();
      long now = System.nanoTime();
      if (condition.test(value)) {
        return new Sampled<>(value, true, (now - start) / 1_000_000, window);
      }
      if (now >= deadline) {
        WaitLedger.ranToBound("a poll", window, (now - start) / 1_000_000);
        return new Sampled<>(value, false, (now - start) / 1_000_000, window);
      }
      LockSupport.parkNanos(Math.min(PAUSE_NANOS, deadline - now));
    }
  }
}
