package org.sockspec.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A timestamped log of everything a spec did and saw (connects, bytes sent and received, waits
 * and their windows), shown to the student when the spec fails.
 */
public final class Transcript {
  private final long start = System.nanoTime();
  private final List<String> lines = new ArrayList<>();

  public synchronized void log(String event) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    lines.add(String.format("%6d ms  %s", ms, event));
    org.sockspec.bench.internal.Trace.log(event);
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized String toString() {
    return String.join("\n", lines);
  }
}
