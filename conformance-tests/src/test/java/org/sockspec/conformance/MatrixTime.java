package org.sockspec.conformance;

import java.time.Duration;
import java.util.Locale;

/** A run of the matrix: its rows, its wall time, and how much of it was waiting to a bound. */
record MatrixTime(int rows, Duration wall, Duration waited, long waits) {
  String describe() {
    double wallSeconds = wall.toMillis() / 1000.0;
    double waitedSeconds = waited.toMillis() / 1000.0;
    return String.format(Locale.ROOT, "matrix: %d rows in %.1f s; %d waits ran to their bound: %.1f s, summed over the lanes (%.0f%% of the wall time)",
        rows, wallSeconds, waits, waitedSeconds, wallSeconds == 0 ? 0 : 100 * waitedSeconds / wallSeconds);
  }
}
