package org.sockspec.bench.internal;

import java.io.PrintStream;

/**
 * The bench's own timeline, for the kit's developers and its benchmarks: with {@code
 * SOCKSPEC_TRACE=1} set, each step (engine contact, a lane opened, taken, reset) is printed to
 * standard error with the milliseconds since the JVM started and the thread. Off by default: it
 * costs nothing then.
 */
public final class Trace {
  private static final boolean ON = System.getenv("SOCKSPEC_TRACE") != null
      && !System.getenv("SOCKSPEC_TRACE").equals("0");
  private static final long START = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
  private static final PrintStream ERR = System.err;

  private Trace() {}

  public static boolean on() {
    return ON;
  }

  public static void log(String event) {
    if (ON) {
      ERR.printf("[trace %6d ms %s] %s%n", System.currentTimeMillis() - START, Thread.currentThread().getName(), event);
    }
  }
}
