package org.sockspec.catalogue;

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
 * How a TCP conversation ends where the lab has no end word: the client closes its side, and the
 * server, once it reads the end of stream, closes its own. A server that does not leaves its side in
 * CLOSE_WAIT, which the socket table shows for as long as it keeps it.
 */
final class Closes {
  private Closes() {}

  /** Client {@code talker} closes; within the reply bound the server's side must not be in CLOSE_WAIT. */
  static void clientClosesThenTheServerToo(Bench bench, Talker talker) {
    int port = bench.target().port();
    int clientPort = talker.localPort();
    talker.tcpClient().close();
    Poll.Sampled<SocketTable> seen = bench.await("the server to close its side of " + talker.name() + "'s connection",
        bench::sockets, table -> serverSide(table, port, clientPort).filter(s -> s.state().equals("CLOSE_WAIT"))
            .isEmpty(), bench.timing().reply());
    bench.observe("the server's side once " + talker.name() + " closed", serverSide(seen.value(), port, clientPort)
        .map(s -> s.state()).orElse("gone (the server closed it)"));
    if (!seen.met()) {
      String name = "the server side of client " + talker.name() + "'s connection";
      throw CausedFailure.of(new Cause.SocketState(name, "closed by the server", "CLOSE_WAIT"),
          "Expecting the server to close its side of client %s's connection within %d ms of the client closing its "
          + "own (the lab's conversations end so), but it is still in CLOSE_WAIT: the server read the end of stream, "
          + "or never read at all, and kept the connection open:\n%s", talker.name(), seen.window().toMillis(),
          Sockets.tcpOnly(seen.value()).render());
    }
  }

  /**
   * Where the lab's server answers nothing: client {@code talker}'s message was read (the server
   * accepted it and its queue is empty), or its connection was reset or closed, within the reply
   * bound. Returns what happened, for the observation.
   */
  static String readOrReset(Bench bench, Talker talker, String description) {
    int port = bench.target().port();
    int clientPort = talker.localPort();
    Poll.Sampled<SocketTable> seen = bench.await(description + " read or reset", bench::sockets,
        table -> serverSide(table, port, clientPort).map(s -> !s.state().equals("ESTABLISHED")
            || s.isAccepted() && s.recvQ() == 0).orElse(true), bench.timing().reply());
    Optional<SocketEntry> side = serverSide(seen.value(), port, clientPort);
    if (!seen.met()) {
      throw CausedFailure.of(new Cause.NotRead(description, seen.window().toMillis(), side.map(s -> s.recvQ())
          .orElse(-1L), side.map(SocketEntry::isAccepted).orElse(false)),
          "Expecting %s to be either served (its message read) or reset within %d ms, but it is still waiting: %s",
          description, seen.window().toMillis(), Sockets.tcpOnly(seen.value()).render());
    }
    return side.isEmpty() || !side.get().state().equals("ESTABLISHED")
        ? "reset or closed: the server side of its connection is " + side.map(s -> s.state()).orElse("gone")
        : "served: the server accepted it and read its waiting message";
  }

  private static Optional<SocketEntry> serverSide(SocketTable table, int port, int clientPort) {
    List<SocketEntry> found = table.filter(s -> s.proto() == Protocol.TCP && s.localPort() == port
        && s.remotePort() == clientPort && !s.isListening());
    return found.stream().findFirst();
  }
}
