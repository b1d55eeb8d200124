package org.sockspec.probe;

import java.util.HashMap;
import java.util.Map;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;

/**
 * TIME_WAIT sockets that earlier specs left in a namespace that is used again: the kit's own
 * clients' (and client programs') closed connections, which wait out their 60 s on an ephemeral
 * port. They block no bind on the program's port (a reset refuses to go on when one is there), so
 * they are harmless, but a fresh namespace would not show them: the socket table leaves them out,
 * until they expire. A TIME_WAIT with the same addresses that outlives its recorded end is a new one,
 * and shows.
 */
final class Residue {
  /** "127.0.0.1:5123>127.0.0.1:12800" -> when it expires (System.nanoTime). */
  private final Map<String, Long> expiries = new HashMap<>();

  /** Records every TIME_WAIT socket of {@code sockets} as left by an earlier spec. */
  synchronized void record(Iterable<SocketRow> sockets) {
    long now = System.nanoTime();
    expiries.values().removeIf(expiry -> expiry < now);
    for (SocketRow socket : sockets) {
      if ("TIME_WAIT".equals(socket.state())) {
        expiries.put(key(socket), expiryOf(socket, now));
      }
    }
  }

  /** Whether {@code socket} is one of them (and not a new TIME_WAIT on the same addresses). */
  synchronized boolean isLeftOver(SocketRow socket) {
    if (!"TIME_WAIT".equals(socket.state())) {
      return false;
    }
    Long expiry = expiries.get(key(socket));
    // A new TIME_WAIT has its whole 60 s ahead: it expires well after the recorded one.
    return expiry != null && expiryOf(socket, System.nanoTime()) <= expiry + 1_000_000_000L;
  }

  private static String key(SocketRow socket) {
    return socket.localAddress() + ":" + socket.localPort() + ">" + socket.remoteAddress() + ":" + socket.remotePort();
  }

  private static long expiryOf(SocketRow socket, long now) {
    return now + socket.timerMs() * 1_000_000L;
  }
}
