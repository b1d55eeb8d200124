package org.sockspec.probe;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Bounded waits on kernel conditions, polled inside the namespace so that each check costs a file
 * read, not a round trip to the kit. The answer says whether the condition held and when.
 */
final class Awaits {
  private static final long POLL_NANOS = 2_000_000;

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
    while (true) {
      List<Json> sockets = SocketTable.read(Map.of(), residue);
      for (Json socket : sockets) {
        if (socket.get("proto").equals(proto) && socket.get("localPort").equals(port)
            && (state.equals("ANY") || socket.get("state").equals(state))) {
          return Json.object().put("outcome", "found").put("ms", Clock.msSince(start));
        }
      }
      if (Clock.msSince(start) >= timeoutMs) {
        return Json.object().put("outcome", "timeout").put("ms", Clock.msSince(start));
      }
      pause();
    }
  }

  private static void pause() {
    long until = System.nanoTime() + POLL_NANOS;
    while (System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
    }
  }
}
