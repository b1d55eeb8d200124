package org.sockspec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.ProcessList;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;

/** The conditions the TCP specs poll the socket table for before they assert. */
class SocketsTest {
  private static final int PROBE = 14;

  private static SocketEntry tcp(String state, int local, int remote, long sendQ, long recvQ, Integer... pids) {
    return new SocketEntry(Protocol.TCP, "ipv4", state, "127.0.0.1", local, "127.0.0.1", remote, sendQ, recvQ, 1000,
        pids.length == 0 ? 0 : local + remote, List.of(pids));
  }

  private static SocketTable table(SocketEntry... sockets) {
    return new SocketTable(List.of(sockets), new ProcessList(List.of()), PROBE);
  }

  @Test
  void aConnectionHasSettledOnceAcceptedWithNothingInFlight() {
    SocketEntry listener = tcp("LISTEN", 12800, 0, 0, 0, 33);
    SocketEntry client = tcp("ESTABLISHED", 5000, 12800, 0, 0, PROBE);
    assertThat(Sockets.connectionSettled(table(listener, tcp("ESTABLISHED", 12800, 5000, 0, 0, 33), client), 12800, 5000))
        .isTrue();
    // not accepted yet: no process holds the server's side
    assertThat(Sockets.connectionSettled(table(listener, tcp("ESTABLISHED", 12800, 5000, 0, 0), client), 12800, 5000))
        .isFalse();
    // an answer not yet acknowledged, or not yet read by the client
    assertThat(Sockets.connectionSettled(table(listener, tcp("ESTABLISHED", 12800, 5000, 16, 0, 33), client), 12800,
        5000)).isFalse();
    assertThat(Sockets.connectionSettled(table(listener, tcp("ESTABLISHED", 12800, 5000, 0, 0, 33),
        tcp("ESTABLISHED", 5000, 12800, 0, 16, PROBE)), 12800, 5000)).isFalse();
    // two listeners: a process-per-client server handing its port over
    assertThat(Sockets.connectionSettled(table(listener, tcp("LISTEN", 12800, 0, 0, 0, 40),
        tcp("ESTABLISHED", 12800, 5000, 0, 0, 33), client), 12800, 5000)).isFalse();
  }

  @Test
  void aConnectionIsHeldOnceAProcessAcceptedIt() {
    assertThat(Sockets.heldConnection(table(tcp("ESTABLISHED", 12800, 5000, 0, 6)), 12800, 5000)).isFalse();
    assertThat(Sockets.heldConnection(table(tcp("ESTABLISHED", 12800, 5000, 0, 6, 33)), 12800, 5000)).isTrue();
    assertThat(Sockets.heldConnection(table(), 12800, 5000)).isFalse();
  }
}
