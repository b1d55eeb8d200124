package org.sockspec.spec.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.ProcessList;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;

/** What the socket assertions say, on tables made up as the probe would read them. */
class SocketTableAssertTest {
  private static final int PROBE = 14;
  private static final ProcessList PROCESSES = new ProcessList(List.of(
      new ProcessInfo(PROBE, 0, 0, "S", 14, "java", "java ProbeAgent", true),
      new ProcessInfo(33, 0, 1000, "S", 14, "java", "java srv_tcp_fork", false),
      new ProcessInfo(40, 33, 1000, "S", 14, "java", "java ForkWorker", false)));

  private static SocketEntry tcp(String state, int local, int remote, long recvQ, Integer... pids) {
    return new SocketEntry(Protocol.TCP, "ipv4", state, local == 12800 && remote == 0 ? "0.0.0.0" : "127.0.0.1", local,
        remote == 0 ? "0.0.0.0" : "127.0.0.1", remote, 0, recvQ, 1000, pids.length == 0 ? 0 : 100 + local, List.of(pids));
  }

  private static SocketEntry udp(int local, int remote, Integer... pids) {
    return new SocketEntry(Protocol.UDP, "ipv4", remote == 0 ? "UNCONN" : "ESTABLISHED", "0.0.0.0", local,
        remote == 0 ? "0.0.0.0" : "127.0.0.1", remote, 0, 0, 1000, 200 + local, List.of(pids));
  }

  private static SocketTable table(SocketEntry... sockets) {
    return new SocketTable(List.of(sockets), PROCESSES, PROBE);
  }

  @Test
  void aConnectionHeldByAnotherProcessThanTheListenerIsNamedWithBothOwners() {
    SocketTable table = table(tcp("LISTEN", 12800, 0, 0, 40), tcp("ESTABLISHED", 12800, 5000, 0, 33),
        tcp("ESTABLISHED", 5000, 12800, 0, PROBE));
    SocketEntry listener = assertThat(table).hasOneListener(12800).isHeldByTheProgram().actual();
    assertThatThrownBy(() -> assertThat(table).hasConnection(12800, 5000, "the server's connected socket to A")
        .isHeldBySameProcessAs(listener, "the LISTEN socket"))
        .hasMessageStartingWith("Expecting the server's connected socket to A to be held by the same process as the "
            + "LISTEN socket (PID 40 (java)) but it is held by PID 33 (java):\nProto Recv-Q Send-Q")
        .hasMessageContaining("40/java ForkWorker");
  }

  @Test
  void aQueuedConnectionIsHeldByNoProcessAndShowsItsUnreadBytes() {
    SocketTable table = table(tcp("LISTEN", 12800, 0, 1, 33), tcp("ESTABLISHED", 12800, 5001, 6));
    assertThat(table).hasConnection(12800, 5001, "the server side of B's connection").isNotAcceptedYet()
        .hasUnread(6, "client B");
    assertThatThrownBy(() -> assertThat(table).hasConnection(12800, 5001, "the server side of B's connection")
        .hasUnread(7, "client B"))
        .hasMessageStartingWith("Expecting client B's 7 bytes to sit unread in the Recv-Q of the server side of B's "
            + "connection but its Recv-Q is 6:");
  }

  @Test
  void theProgramMustHoldExactlyOneUnconnectedUdpSocket() {
    assertThat(table(udp(12800, 0, 33), udp(40000, 0, PROBE))).hasOneProgramUdpSocket(12800).isUnconnected();
    assertThatThrownBy(() -> assertThat(table(udp(12800, 0, 33), udp(41000, 40000, 33), udp(40000, 0, PROBE)))
        .hasOneProgramUdpSocket(12800))
        .hasMessageStartingWith("Expecting the server to hold exactly one UDP socket, bound to port 12800, but it holds 2:");
    assertThatThrownBy(() -> assertThat(table(udp(12800, 40000, 33))).hasOneProgramUdpSocket(12800).isUnconnected())
        .hasMessageStartingWith("Expecting the server's UDP socket to be unconnected (remote address *:*, receiving "
            + "from any client) but it is connected to 127.0.0.1:40000");
  }

  @Test
  void noListenerIsSaidPlainly() {
    assertThatThrownBy(() -> assertThat(table(udp(12800, 0, 33))).hasOneListener(12800))
        .hasMessage("Expecting one TCP socket in LISTEN state on port 12800 but there is none");
  }
}
