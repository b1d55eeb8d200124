package org.sockspec.probe;

import java.io.IOException;
import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;
import org.sockspec.probe.protocol.ProbeAnswer.SocketAwaited;
import org.sockspec.probe.protocol.ProbeRequest.AwaitSocket;
import org.sockspec.probe.protocol.Protocol;

/**
 * Bounded waits on kernel conditions, polled inside the namespace so that each check costs a file
 * read, not a round trip to the kit. The answer says whether the condition held and when.
 */
final class Awaits {
  /** The first polls come quickly (a server usually listens within milliseconds), then less often. */
  private static final long FIRST_POLL_NANOS = 1_000_000;
  private static final long LAST_POLL_NANOS = 10_000_000;

  private Awaits() {}

  /** Until a socket of the protocol bound to the local port is in the state (LISTEN, UNCONN, ... or ANY). */
  static SocketAwaited socket(AwaitSocket r, Residue residue) throws IOException {
    Protocol proto = r.protocol();
    int port = r.port();
    String state = r.state();
    long timeoutMs = r.timeoutMs();
    long start = System.nanoTime();
    long pause = FIRST_POLL_NANOS;
    while (true) {
      if (ProcNetSockets.holds(proto, port, state, residue)) {
        return new SocketAwaited(true, Clock.msSince(start), MachineWait.NONE);
      }
      if (Clock.msSince(start) >= timeoutMs) {
        return new SocketAwaited(false, Clock.msSince(start), MachineWait.NONE);
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
