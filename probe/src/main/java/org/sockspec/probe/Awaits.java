package org.sockspec.probe;

import java.io.IOException;

/**
 * Bounded waits on kernel conditions, polled inside the namespace so that each check costs a file
 * read, not a round trip to the kit. The answer says whether the condition held and when.
 */
final class Awaits {
  /** The first polls come quickly (a server usually listens within milliseconds), then less often. */
  private static final long FIRST_POLL_NANOS = 1_000_000;
  private static final long LAST_POLL_NANOS = 10_000_000;

  private Awaits() {}

  /**
   * {@code await.socket PROTO PORT STATE TIMEOUT_MS}: until a socket of PROTO (tcp, udp) bound to
   * local PORT is in STATE (LISTEN, UNCONN, ESTABLISHED... or ANY).
   */
  static Json socket(Request r, Residue residue) throws IOException {
    String proto = r.text(0);
    int port = r.integer(1);
    String state = r.text(2);
    long timeoutMs = r.integer(3);
    long start = System.nanoTime();
    long pause = FIRST_POLL_NANOS;
    while (true) {
      if (ProcNetSockets.holds(proto, port, state, residue)) {
        return Json.object().put("outcome", "found").put("ms", Clock.msSince(start));
      }
      if (Clock.msSince(start) >= timeoutMs) {
        return Json.object().put("outcome", "timeout").put("ms", Clock.msSince(start));
      }
      pause(Math.min(pause, Math.max(0, timeoutMs * 1_000_000 - (System.nanoTime() - start))));
      pause = Math.min(pause * 2, LAST_POLL_NANOS);
    }
  }

  private static void pause(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
    }
  }
}
