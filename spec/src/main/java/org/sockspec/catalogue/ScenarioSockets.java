package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Poll;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.scenario.Step;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;
import org.sockspec.spec.assertions.SocketAssert;

/** A scenario's {@code socket-of} step: the server's side of a kit client's connection, from the kernel's table. */
final class ScenarioSockets {
  private ScenarioSockets() {}

  /**
   * Samples the socket table until the server's side of the connection from {@code clientPort} is
   * in the state asked (or {@code window} ends), shows it as netstat does, and judges it.
   */
  static void socketOf(Bench bench, Step.SocketOf step, int clientPort, Duration window) {
    int port = bench.target().port();
    String name = "the server side of " + step.client() + "'s connection";
    Poll.Sampled<SocketTable> table = bench.await(name + " " + step.state().word(), bench::sockets,
        now -> holds(serverSide(now, port, clientPort), step), window);
    bench.observe("netstat -tanp (" + step.client() + ")", Sockets.tcpOnly(table.value()).render());
    List<SocketEntry> sides = serverSide(table.value(), port, clientPort);
    if (step.state() == Step.SocketState.CLOSED) {
      if (!holds(sides, step)) {
        SocketEntry left = sides.stream().filter(s -> !closedByTheServer(s)).findFirst().orElseThrow();
        throw new CausedFailure(new Cause.SocketState(name, "closed", left.state()), "Expecting " + name
            + " to be closed within " + window.toMillis() + " ms, but it is " + left.state() + " (the server has "
            + "not closed its side).");
      }
      return;
    }
    SocketAssert socket = assertThat(table.value()).hasConnection(port, clientPort, name);
    switch (step.state()) {
      case ESTABLISHED -> socket.isEstablished().isHeldByTheProgram();
      case NOT_ACCEPTED -> socket.isNotAcceptedYet();
      case CLOSE_WAIT -> {
        if (!"CLOSE_WAIT".equals(socket.actual().state())) {
          throw new CausedFailure(new Cause.SocketState(name, "CLOSE_WAIT", socket.actual().state()), "Expecting "
              + name + " to be in CLOSE_WAIT (the client closed, the server has not) within " + window.toMillis()
              + " ms, but it is " + socket.actual().state() + ".");
        }
      }
      default -> throw new IllegalStateException(step.state().name());
    }
    step.unread().ifPresent(bytes -> socket.hasUnread(bytes, "client " + step.client()));
  }

  /**
   * Whether the server has closed its side: gone, or in a state only a close leads to (FIN_WAIT1/2,
   * CLOSING, LAST_ACK, TIME_WAIT); ESTABLISHED, CLOSE_WAIT (the client closed, the server has not) and
   * a connection not accepted yet are open.
   */
  private static boolean closedByTheServer(SocketEntry side) {
    return List.of("FIN_WAIT1", "FIN_WAIT2", "CLOSING", "LAST_ACK", "TIME_WAIT", "CLOSE").contains(side.state());
  }

  private static List<SocketEntry> serverSide(SocketTable table, int port, int clientPort) {
    return table.filter(s -> s.proto() == Protocol.TCP && s.localPort() == port && s.remotePort() == clientPort);
  }

  private static boolean holds(List<SocketEntry> sides, Step.SocketOf step) {
    return switch (step.state()) {
      case CLOSED -> sides.stream().allMatch(ScenarioSockets::closedByTheServer);
      case ESTABLISHED -> sides.stream().anyMatch(s -> "ESTABLISHED".equals(s.state()) && !s.pids().isEmpty()
          && step.unread().map(n -> s.recvQ() == n).orElse(true));
      case NOT_ACCEPTED -> sides.stream().anyMatch(s -> !s.isAccepted()
          && step.unread().map(n -> s.recvQ() == n).orElse(true));
      case CLOSE_WAIT -> sides.stream().anyMatch(s -> "CLOSE_WAIT".equals(s.state()));
    };
  }
}
