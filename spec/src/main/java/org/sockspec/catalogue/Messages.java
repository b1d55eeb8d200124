package org.sockspec.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Poll;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Where the lab's server answers nothing, how a message is seen served: it left the server's
 * receive queue. For TCP, the server side of the client's connection is accepted (it has an inode)
 * and holds nothing unread; for UDP, the server's socket holds nothing unread (on the loopback a
 * datagram is queued before sendto returns, so an empty queue after it is a datagram read).
 */
final class Messages {
  private Messages() {}

  /**
   * Waits (within {@code window}) until the message of {@code who} was read; {@code clientPort} is a
   * TCP client's own port, -1 for a datagram.
   *
   * @throws CausedFailure saying where it still is
   */
  static void assertRead(Bench bench, String who, int clientPort, Duration window) {
    int port = bench.target().port();
    Poll.Sampled<SocketTable> seen = bench.await(who + " read by the server", bench::sockets,
        table -> serverSide(table, port, clientPort).filter(s -> s.isAccepted() && s.recvQ() == 0).isPresent(),
        window);
    if (seen.met()) {
      return;
    }
    Optional<SocketEntry> side = serverSide(seen.value(), port, clientPort);
    long unread = side.map(SocketEntry::recvQ).orElse(-1L);
    Boolean accepted = clientPort > 0 ? side.map(SocketEntry::isAccepted).orElse(false) : null;
    String where = side.isEmpty() ? (clientPort > 0 ? "the server side of its connection is gone"
        : "the server holds no UDP socket on port " + port + " any more")
        : Boolean.FALSE.equals(accepted) ? "its " + unread + " bytes wait in a connection the server never accepted"
        : "its bytes are still unread in the server's receive queue (Recv-Q " + unread + ")";
    throw CausedFailure.of(new Cause.NotRead(who, window.toMillis(), unread, accepted),
        "Expecting %s to be read by the server within %d ms (the lab's server answers nothing: a message is served "
        + "once the server read it), but %s:\n%s", who, window.toMillis(), where,
        Sockets.tcpOrUdp(seen.value(), clientPort > 0 ? Protocol.TCP : Protocol.UDP).render());
  }

  /**
   * Waits (within {@code window}) until the server read all the TCP client at {@code clientPort} sent;
   * whether it did. Not a verdict: a step that needs the server to have read before it goes on.
   */
  static boolean awaitRead(Bench bench, String what, int clientPort, Duration window) {
    int port = bench.target().port();
    return bench.await(what, bench::sockets,
        table -> serverSide(table, port, clientPort).filter(s -> s.isAccepted() && s.recvQ() == 0).isPresent(),
        window).met();
  }

  /** The server side of the TCP connection from {@code clientPort}, or the program's UDP socket on the port. */
  private static Optional<SocketEntry> serverSide(SocketTable table, int port, int clientPort) {
    List<SocketEntry> found = clientPort > 0
        ? table.filter(s -> s.proto() == Protocol.TCP && s.localPort() == port && s.remotePort() == clientPort)
        : table.filter(s -> s.proto() == Protocol.UDP && s.localPort() == port && !s.pids().contains(table.probePid()));
    return found.stream().findFirst();
  }
}
