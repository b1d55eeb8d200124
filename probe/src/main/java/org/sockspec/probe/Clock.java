package org.sockspec.probe;

/** Elapsed time in milliseconds, from the monotonic clock. */
final class Clock {
  private Clock() {}

  static long msSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
