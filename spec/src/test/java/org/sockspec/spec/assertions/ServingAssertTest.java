package org.sockspec.spec.assertions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.ProcessList;
import org.sockspec.bench.Serving;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;

/** The multi-client assertions' verdicts and the sentences a student reads. */
class ServingAssertTest {
  private static final List<ProcessInfo> PROCESSES = List.of(
      new ProcessInfo(10, 1, 1000, "S", 14, "java", "java -jar srv.jar", false),
      new ProcessInfo(11, 10, 1000, "S", 1, "python3", "python3 srv_tcp_fork.py", false),
      new ProcessInfo(12, 10, 1000, "S", 1, "python3", "python3 srv_tcp_fork.py", false));

  @Test
  void aServerHoldingEveryoneIsNotAForkServer() {
    Serving serving = serving(List.of(10), List.of(10), List.of(10));
    assertThatThrownBy(() -> assertThat(serving).hasAProcessPerClient())
        .hasMessage("Expecting each client to be served by a process of its own (fork style: 2 server PIDs on the "
            + "ESTABLISHED lines of lsof), but one process, pid 10, holds them all (as a select or threads server "
            + "does). Who holds what: A (port 40001): pid 10 (java -jar srv.jar); B (port 40002): pid 10 (java -jar "
            + "srv.jar); listening on 12800: pid 10 (java -jar srv.jar).");
    assertThatCode(() -> assertThat(serving).hasOneProcessForAll().hasListener()).doesNotThrowAnyException();
  }

  @Test
  void aForkServerIsNotASingleProcess() {
    Serving serving = serving(List.of(11, 12), List.of(11), List.of(12));
    assertThatCode(() -> assertThat(serving).hasAProcessPerClient()).doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(serving).hasOneProcessForAll())
        .hasMessageStartingWith("Expecting one process to hold the listening socket and the connections of A and B "
            + "(lsof shows the same PID on every line), but each client has a process of its own (as a fork server does).");
  }

  @Test
  void anUnacceptedClientIsNamedWithTheAcceptQueue() {
    Serving serving = serving(List.of(10), List.of(10), List.of());
    assertThatThrownBy(() -> assertThat(serving).within(Duration.ofMillis(3000)).hasAcceptedEveryClient())
        .hasMessageStartingWith("Expecting the server to accept clients A and B within 3000 ms (a server process "
            + "holding each connection), but it never accepted B: no process holds the server side of its connection, "
            + "which waits in the listening socket's accept queue (LISTEN Recv-Q 1).");
  }

  @Test
  void aZombieIsNamedWithItsParent() {
    ProcessList list = new ProcessList(List.of(PROCESSES.get(0),
        new ProcessInfo(13, 10, 1000, "Z", 1, "java", "", false)));
    assertThatThrownBy(() -> assertThat(list).within(Duration.ofMillis(1000)).hasNoZombies())
        .hasMessageStartingWith("Expecting every exited server process to be reaped by its parent within 1000 ms, but "
            + "1 stays defunct (state Z, <defunct> in ps): pid 13 [java], child of pid 10 (java -jar srv.jar).");
  }

  @Test
  void answersAreCountedWithoutOverlap() {
    org.assertj.core.api.Assertions.assertThat(ProgramAssert.countOf("> Server tells you b'ok'\n> Server tells you "
        + "b'ok'\n", "b'ok'")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(ProgramAssert.countOf("aaaa", "aa")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(Words.and(List.of("A", "B", "C"))).isEqualTo("A, B and C");
  }

  private static Serving serving(List<Integer> listener, List<Integer> a, List<Integer> b) {
    List<SocketEntry> sockets = List.of(
        new SocketEntry(Protocol.TCP, "ipv4", "LISTEN", "0.0.0.0", 12800, "0.0.0.0", 0, 50, b.isEmpty() ? 1 : 0, 1000, 1,
            listener),
        new SocketEntry(Protocol.TCP, "ipv4", "ESTABLISHED", "127.0.0.1", 12800, "127.0.0.1", 40001, 0, 0, 1000, 2, a),
        new SocketEntry(Protocol.TCP, "ipv4", "ESTABLISHED", "127.0.0.1", 12800, "127.0.0.1", 40002, 0, 0, 1000, 3, b));
    Map<String, Integer> clients = new LinkedHashMap<>();
    clients.put("A", 40001);
    clients.put("B", 40002);
    return new Serving(new SocketTable(sockets, new ProcessList(PROCESSES), 99), 12800, clients);
  }
}
