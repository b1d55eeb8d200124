package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockspec.probe.protocol.Protocol;

/** Who serves whom, read from socket tables as the probe reports them (no container needed). */
class ServingTest {
  private static final int PROBE = 99;
  private final List<SocketEntry> sockets = new ArrayList<>();
  private final List<ProcessInfo> processes = new ArrayList<>(List.of(
      process(10, "python3 srv_tcp_fork.py"), process(11, "python3 srv_tcp_fork.py"),
      process(12, "python3 srv_tcp_fork.py"), process(13, "python3 srv_tcp_fork.py")));

  @Test
  void theHandoutForkServerHasAProcessPerClientAndStillListens() {
    listener(10, 11, 12, 13);
    connection(40001, 0, 11);
    connection(40002, 0, 12);
    connection(40003, 0, 13);
    Serving serving = serving();
    assertThat(serving.allAccepted()).isTrue();
    assertThat(serving.processPerClient()).hasValue(Map.of("A", 11, "B", 12, "C", 13));
    assertThat(serving.oneProcessForAll()).isEmpty();
    assertThat(serving.listenerHolders()).containsExactly(10, 11, 12, 13);
    assertThat(serving.describe()).startsWith("A (port 40001): pid 11 (python3 srv_tcp_fork.py); B (port 40002)")
        .endsWith("listening on 12800: pids 10 (python3 srv_tcp_fork.py), 11 (python3 srv_tcp_fork.py), "
            + "12 (python3 srv_tcp_fork.py), 13 (python3 srv_tcp_fork.py)");
  }

  @Test
  void aSelectServerHoldsEverythingInOneProcess() {
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    Serving serving = serving();
    assertThat(serving.oneProcessForAll()).hasValue(10);
    assertThat(serving.processPerClient()).isEmpty();
  }

  @Test
  void aParentThatKeepsEveryConnectionOpenStillHasAChildPerClient() {
    listener(10);
    connection(40001, 0, 10, 11);
    connection(40002, 0, 10, 12);
    connection(40003, 0, 10, 13);
    assertThat(serving().processPerClient()).hasValue(Map.of("A", 11, "B", 12, "C", 13));
    assertThat(serving().oneProcessForAll()).hasValue(10);
  }

  @Test
  void aConnectionNobodyHoldsWasNeverAcceptedAndItsBytesWaitThere() {
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 14);
    connection(40003, 0);
    Serving serving = serving();
    assertThat(serving.unaccepted()).containsExactly("B", "C");
    assertThat(serving.whereIsMessageOf("B")).isEqualTo("No process holds the server side of B's connection: the "
        + "kernel completed it, but the server never accepted it, and its 14 bytes wait unread there (Recv-Q 14). "
        + "The server is busy elsewhere (serving another client?).");
    assertThat(serving.holdersText("C")).isEqualTo("no process (not accepted)");
  }

  @Test
  void aMessageAcceptedButNotReadOrReadButNotAnsweredIsToldApart() {
    listener(10);
    connection(40001, 5, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    assertThat(serving().whereIsMessageOf("A")).startsWith("The server accepted A (pid 10 (python3 srv_tcp_fork.py)) "
        + "but has not read its 5 bytes (Recv-Q 5)");
    assertThat(serving().whereIsMessageOf("B")).startsWith("The server (pid 10 (python3 srv_tcp_fork.py)) read B's "
        + "message (Recv-Q 0) but sent no answer.");
  }

  @Test
  void anIpv6ListenerAndItsV4MappedConnectionsCount() {
    sockets.add(new SocketEntry(Protocol.TCP, "ipv6", "LISTEN", "::", 12800, "::", 0, 50, 0, 1000, 500, List.of(10)));
    sockets.add(new SocketEntry(Protocol.TCP, "ipv6", "ESTABLISHED", "127.0.0.1", 12800, "127.0.0.1", 40001, 0, 0, 1000,
        501, List.of(10)));
    Serving serving = new Serving(new SocketTable(sockets, new ProcessList(processes), PROBE), 12800,
        Map.of("A", 40001));
    assertThat(serving.oneProcessForAll()).hasValue(10);
    assertThat(serving.inode("A")).isEqualTo(501);
  }

  @Test
  void theProbesOwnEndOfAConnectionIsNeverTheServer() {
    listener(10);
    // the client side: local port 40001 to 12800, held by the probe; it must not be mistaken for the server's
    sockets.add(new SocketEntry(Protocol.TCP, "ipv4", "ESTABLISHED", "127.0.0.1", 40001, "127.0.0.1", 12800, 0, 0, 0, 700,
        List.of(PROBE)));
    connection(40001, 0);
    assertThat(serving().unaccepted()).contains("A");
  }

  @Test
  void aThreadBlockedInARecvOnItsClientsSocketIsThatClientsOwn() {
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    Serving serving = serving();
    ThreadList perClient = new ThreadList(10, List.of(
        thread(10, "accept", "accept4", 3, 0, 0),
        thread(21, "read", "recvfrom", 4, serving.inode("A"), 0),
        thread(22, "poll", "poll", 5, serving.inode("B"), 1),
        thread(23, "multiplex", "select", 6, serving.inode("C"), 1)));
    assertThat(new ServingThreads(serving, perClient).threadPerClient()).isTrue();
    assertThat(new ServingThreads(serving, perClient).oneWaitForAll()).isFalse();

    ThreadList selecting = new ThreadList(10, List.of(watching(10, "epoll_wait", 100, serving.inode("A"),
        serving.inode("B"), serving.inode("C")), thread(11, "other", "futex", -1, 0, 0)));
    ServingThreads select = new ServingThreads(serving, selecting);
    assertThat(select.oneWaitForAll()).isTrue();
    assertThat(select.clientsWithOwnThread()).isEmpty();
    assertThat(select.describe()).isEqualTo("A: no thread of its own; B: no thread of its own; C: no thread of its "
        + "own; waiting on several clients' sockets at once: thread 10 (t10) in epoll_wait() on A, B, C");

    ThreadList starting = new ThreadList(10, List.of(thread(10, "accept", "accept4", 3, 0, 0),
        thread(21, "read", "recvfrom", 4, serving.inode("A"), 0), thread(22, "running", "", -1, 0, 0)));
    assertThat(new ServingThreads(serving, starting).settled()).isFalse();
    assertThat(new ServingThreads(serving, starting).clientsWithOwnThread()).containsExactly("A");
  }

  @Test
  void aThreadPerClientEachSelectingItsOneSocketIsNotOneWaitForAll() {
    // The red team's select server: a thread per client, each in select() on its one socket.
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    Serving serving = serving();
    ServingThreads threads = new ServingThreads(serving, new ThreadList(10, List.of(
        watching(10, "select", 100),
        watching(21, "pselect6", serving.inode("A")),
        watching(22, "pselect6", serving.inode("B")),
        watching(23, "pselect6", serving.inode("C")))));
    assertThat(threads.oneWaitForAll()).isFalse();
    assertThat(threads.threadPerClient()).isTrue();
  }

  @Test
  void aSelectOfEveryoneBesideThreadsOfTheirOwnIsNeitherModel() {
    // The red team's threads server: one select() serves everyone; a decoy thread per client peeks.
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    Serving serving = serving();
    ServingThreads threads = new ServingThreads(serving, new ThreadList(10, List.of(
        watching(10, "select", 100, serving.inode("A"), serving.inode("B"), serving.inode("C")),
        thread(21, "peek", "recvfrom", 4, serving.inode("A"), 0),
        thread(22, "peek", "recvfrom", 5, serving.inode("B"), 0),
        thread(23, "peek", "recvfrom", 6, serving.inode("C"), 0))));
    assertThat(threads.threadPerClient()).isFalse();
    assertThat(threads.waitingOnSeveralClients()).hasSize(1);
    // A peek is a wait on its client's socket: the select model does not hold either (a thread per
    // client that peeks, then reads, dressed as select with a decoy that waits on everyone).
    assertThat(threads.clientsWithOwnThread()).containsExactly("A", "B", "C");
    // And with decoys that really receive beside the select of everyone: still not a thread per client.
    ServingThreads both = new ServingThreads(serving, new ThreadList(10, List.of(
        watching(10, "select", 100, serving.inode("A"), serving.inode("B"), serving.inode("C")),
        thread(21, "read", "recvfrom", 4, serving.inode("A"), 0),
        thread(22, "read", "recvfrom", 5, serving.inode("B"), 0),
        thread(23, "read", "recvfrom", 6, serving.inode("C"), 0))));
    assertThat(both.threadPerClient()).isFalse();
    assertThat(both.waitingOnSeveralClients()).hasSize(1);
  }

  @Test
  void aWaitPartlyHiddenFromTheKitNeverMakesAThreadPerClient() {
    // The red team's third round: one epoll loop whose members' descriptors were reused (dup2 of
    // /dev/null), and a decoy thread per client polling its socket.
    listener(10);
    connection(40001, 0, 10);
    connection(40002, 0, 10);
    connection(40003, 0, 10);
    Serving serving = serving();
    ServingThreads threads = new ServingThreads(serving, new ThreadList(10, List.of(
        new ThreadInfo(10, "loop", "S", "multiplex", "epoll_wait", -1, 0, 2, List.of(100L), true),
        watching(21, "poll", serving.inode("A")),
        watching(22, "poll", serving.inode("B")),
        watching(23, "poll", serving.inode("C")))));
    assertThat(threads.threadPerClient()).isFalse();
    assertThat(threads.describe()).contains("waiting on an epoll the kit cannot read");
  }

  @Test
  void holdingIsNotReadingAProcessThatReadsEveryClientIsNoProcessPerClient() {
    // The red team's fork server: pid 10 serves everyone in select(); a forked decoy per client holds its socket.
    listener(10);
    connection(40001, 0, 10, 11);
    connection(40002, 0, 10, 12);
    connection(40003, 0, 10, 13);
    Serving serving = serving();
    assertThat(serving.processPerClient()).isPresent();
    Readers decoys = new Readers(serving, List.of(
        new ThreadList(10, List.of(watching(1, "select", 100, serving.inode("A"), serving.inode("B"), serving.inode("C")))),
        new ThreadList(11, List.of(thread(2, "other", "clock_nanosleep", -1, 0, 0))),
        new ThreadList(12, List.of(thread(3, "peek", "recvfrom", 4, serving.inode("B"), 0))),
        new ThreadList(13, List.of(thread(4, "other", "clock_nanosleep", -1, 0, 0)))));
    assertThat(decoys.eachClientReadByAProcessOfItsOwn()).isFalse();
    assertThat(decoys.describe()).endsWith("waiting on several clients' connections at once: thread 1 of pid 10 in "
        + "select() on A, B, C");

    // A parent that keeps every connection open while its children serve them: each read by its own.
    Readers leaky = new Readers(serving, List.of(
        new ThreadList(10, List.of(thread(1, "accept", "accept4", 3, 0, 0))),
        new ThreadList(11, List.of(thread(2, "read", "recvfrom", 4, serving.inode("A"), 0))),
        new ThreadList(12, List.of(thread(3, "read", "recvfrom", 4, serving.inode("B"), 0))),
        new ThreadList(13, List.of(thread(4, "read", "recvfrom", 4, serving.inode("C"), 0)))));
    assertThat(leaky.eachClientReadByAProcessOfItsOwn()).isTrue();

    // The red team's third round: a thread per client in pid 10, and a forked decoy per client
    // polling its socket: each client has a process of its own waiting on it, but pid 10 waits on all.
    Readers threadsWithDecoys = new Readers(serving, List.of(
        new ThreadList(10, List.of(thread(1, "accept", "accept4", 3, 0, 0),
            thread(5, "read", "recvfrom", 4, serving.inode("A"), 0),
            thread(6, "read", "recvfrom", 5, serving.inode("B"), 0),
            thread(7, "read", "recvfrom", 6, serving.inode("C"), 0))),
        new ThreadList(11, List.of(watching(2, "poll", serving.inode("A")))),
        new ThreadList(12, List.of(watching(3, "poll", serving.inode("B")))),
        new ThreadList(13, List.of(watching(4, "poll", serving.inode("C"))))));
    assertThat(threadsWithDecoys.eachClientReadByAProcessOfItsOwn()).isFalse();
    assertThat(threadsWithDecoys.processesWaitingOnSeveralClients()).containsOnlyKeys(10);
  }

  @Test
  void aLongCommandLineIsCutToItsProgramAndLastArguments() {
    ProcessList list = new ProcessList(List.of(process(7, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java -XX:+UseSerialGC "
        + "-Xss256k -cp /opt/sockspec/impl/sockspec-impl.jar org.sockspec.impl.fork.ForkWorker --answer Message received")));
    assertThat(list.shortName(7)).isEqualTo("java ... org.sockspec.impl.fork.ForkWorker --answer Message received");
    assertThat(new ProcessList(processes).shortName(10)).isEqualTo("python3 srv_tcp_fork.py");
    ProcessList reference = new ProcessList(List.of(process(8, "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "
        + "-Xshare:auto -jar /opt/sockspec/impl/sockspec-impl.jar srv_tcp_select --port 12800 --answer Message received")));
    assertThat(reference.shortName(8)).isEqualTo("java ... srv_tcp_select --port 12800 --answer Message received");
  }

  private Serving serving() {
    Map<String, Integer> clients = new LinkedHashMap<>();
    clients.put("A", 40001);
    clients.put("B", 40002);
    clients.put("C", 40003);
    return new Serving(new SocketTable(sockets, new ProcessList(processes), PROBE), 12800, clients);
  }

  private void listener(Integer... pids) {
    sockets.add(new SocketEntry(Protocol.TCP, "ipv4", "LISTEN", "0.0.0.0", 12800, "0.0.0.0", 0, 1, 0, 1000, 100,
        List.of(pids)));
  }

  private void connection(int clientPort, long recvQ, Integer... pids) {
    sockets.add(new SocketEntry(Protocol.TCP, "ipv4", "ESTABLISHED", "127.0.0.1", 12800, "127.0.0.1", clientPort, 0, recvQ,
        pids.length == 0 ? 0 : 1000, pids.length == 0 ? 0 : 200 + clientPort, List.of(pids)));
  }

  private static ProcessInfo process(int pid, String cmdline) {
    return new ProcessInfo(pid, 1, 1000, "S", 1, "python3", cmdline, false);
  }

  private static ThreadInfo thread(int tid, String waitClass, String call, int fd, long inode, long nfds) {
    return new ThreadInfo(tid, "t" + tid, "S", waitClass, call, fd, inode, nfds, inode == 0 ? List.of() : List.of(inode),
        false);
  }

  /** A select, poll or epoll wait of thread {@code tid} on exactly the sockets {@code inodes}. */
  private static ThreadInfo watching(int tid, String call, long... inodes) {
    List<Long> watched = java.util.Arrays.stream(inodes).boxed().toList();
    return new ThreadInfo(tid, "t" + tid, "S", call.contains("poll") && !call.startsWith("epoll") ? "poll" : "multiplex",
        call, -1, inodes.length == 1 ? inodes[0] : 0, inodes.length, watched, false);
  }
}
