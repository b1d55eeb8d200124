package org.sockspec.catalogue;

import static org.sockspec.bench.Kind.TCP;
import static org.sockspec.spec.Level.INFO;
import static org.sockspec.spec.Level.MUST;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Connect;
import org.sockspec.bench.Counters;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Poll;
import org.sockspec.bench.Reply;
import org.sockspec.bench.SocketTable;
import org.sockspec.bench.TcpClient;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Needs;
import org.sockspec.spec.Spec;
import org.sockspec.spec.assertions.AcceptQueue;
import org.sockspec.spec.assertions.CounterChange;
import org.sockspec.spec.assertions.SocketAssert;

/** Part 1 of the handout: the single-threaded TCP server (srv_tcp.py). */
public class TcpSpecs {
  /**
   * Further connects tcp.backlog-overflow tries at most: enough for the handout's listen(1) and
   * the usual listen(5), few enough to stay fast, and a bound that makes the verdict on a server
   * that accepts slowly (a process per client, started on demand) independent of its pace.
   */
  static final int MAX_FURTHER_CONNECTS = 16;

  /**
   * Where the lab frames by lines, each line is also answered once however it arrives: a line in two
   * sends, two lines in one (a server that answers each recv instead fails here).
   */
  @Spec(id = "tcp.ack", level = MUST, question = "1.1", kinds = TCP, needs = Needs.ANSWERS,
      summary = "each message a client sends (1, 100, 1000 bytes) is answered with exactly the answer text",
      hint = "After each recv(1024), the server must send exactly b\"Message received\": no newline, no echo.")
  void eachMessageIsAnsweredExactly(Bench bench) {
    Talker a = Given.serverListening(bench).connect("A");
    for (int size : new int[] {1, 100, 1000}) {
      a.says("x".repeat(size)).isAnsweredExactly();
    }
    if (bench.target().protocol().framing() == Framing.LINE) {
      Lines.answeredOnceEachHoweverTheyArrive(bench, a.tcpClient());
    }
  }

  /**
   * The answer's exact bytes are {@code tcp.ack}'s business: here any answer will do, then the
   * connection must end (end of stream, or a reset) within the reply bound.
   */
  /**
   * Where the lab has no end word, the conversation ends when the client closes its side: the server
   * must then close its own within the reply bound (none left in CLOSE_WAIT, the socket table shows
   * it). Where the lab's server exits after the end, its exit (status 0) is judged too.
   */
  @Spec(id = "tcp.end", level = MUST, question = "1.1", kinds = TCP,
      summary = "after the client sends end, the server answers it and closes the connection",
      hint = "Answer b\"end\" like any message, then leave the receive loop and close the connection (conn.close()): "
          + "the client then reads end of stream.")
  void endIsAnsweredThenTheConnectionCloses(Bench bench) {
    ServerUnderTest server = Given.serverListening(bench);
    Talker a = server.connect("A");
    LabProtocol protocol = bench.target().protocol();
    Optional<String> end = protocol.end();
    if (end.isPresent()) {
      Talker.Said said = a.says(end.get()).as("client A's " + end.get());
      if (protocol.answersTheEnd()) {
        said.isAnswered();
      }
      a.seesTheConnectionClosed("client A, once its " + end.get() + " was " + (protocol.answersTheEnd() ? "answered"
          : "sent") + ",", "The server kept the connection open after " + end.get() + ".");
    } else {
      a.says("hello").as("client A's message").isAnswered();
      Closes.clientClosesThenTheServerToo(bench, a);
    }
    if (protocol.afterEnd(Protocol.TCP) == LabProtocol.AfterEnd.EXIT) {
      Duration window = bench.timing().exit();
      server.program().awaitExit(window);
      assertThat(server.program()).as("the server, once its client's conversation ended,").within(window)
          .hasExitedWith(0);
    }
  }

  /**
   * Evidence: the socket table, polled inside the namespace until the connection has settled (the
   * client's message read by the server, its answer, if one came, read by the client: nothing in
   * flight), then asserted on and shown as {@code netstat -tanp} prints it (observation
   * {@code netstat -tanp}). The message and its answer make a server that hands the connection
   * over to another process (a process per client) do so before the table is read.
   */
  @Spec(id = "tcp.sockets", level = MUST, question = "1.2", kinds = TCP,
      summary = "with one client connected and idle, the server process holds a LISTEN socket on the port and an "
          + "ESTABLISHED one to the client, with empty queues",
      hint = "netstat -tanp / lsof -i :12800 show two lines for the server's PID: the listening socket (accept() "
          + "does not close it) and the connected socket accept() returned. The client's own socket is a third line.")
  void serverHoldsAListeningAndAConnectedSocket(Bench bench) {
    ServerUnderTest server = Given.serverListening(bench);
    int port = server.port();
    Talker a = server.connect("A");
    TcpClient client = a.tcpClient();
    client.send("hello");
    // Read the answer if one comes (tcp.ack judges it), so that both ends are idle.
    if (client.expectedAnswer().isPresent()) {
      client.receiveAnswer();
    }
    SocketTable table = bench.await("A's connection settled (accepted, queues empty)", bench::sockets,
        now -> Sockets.connectionSettled(now, port, client.localPort()), bench.timing().reply()).value();
    bench.observe("netstat -tanp", Sockets.tcpOnly(table).render());

    SocketAssert listener = assertThat(table).hasOneListener(port).isHeldByTheProgram();
    assertThat(table).hasConnection(port, client.localPort(), "the server's connected socket to A")
        .isEstablished().isHeldByTheProgram().isHeldBySameProcessAs(listener.actual(), "the LISTEN socket")
        .hasEmptyQueues();
    assertThat(table).hasConnection(client.localPort(), port, "client A's own socket")
        .isEstablished().isHeldByTheKitsClient().hasEmptyQueues();
  }

  /**
   * Evidence that B waits: B gets nothing for the silence window, and at its end B's bytes are
   * still in the Recv-Q of a server-side socket no process holds (the kernel completed B's
   * connection on the listener; the server has not accepted it). After A's {@code end}, B is served
   * or reset: which one is reported as the observation {@code B after A's end}.
   */
  @Spec(id = "tcp.second-client-waits", windows = 1, level = MUST, question = "1.3", kinds = TCP,
      summary = "while client A is served, client B connects and sends but gets nothing, its bytes unread in the "
          + "server's queue; A is still answered; after A's end B is served or reset",
      hint = "A single-threaded server blocks in recv() on A's socket and never calls accept() again: B's connection "
          + "is completed by the kernel (listen backlog) and its message waits in the server-side Recv-Q.")
  void secondClientWaitsWhileFirstIsServed(Bench bench) {
    ServerUnderTest server = Given.serverListening(bench);
    Talker a = server.connect("A");
    a.says("I am A").as("client A's first message").isAnswered();

    Talker b = server.connect("B", ", while A is served,");
    byte[] fromB = Bytes.utf8("I am B");
    b.says(fromB).as("client B, while A is served,")
        .explainedBy(() -> "The server served B while A was still connected: it serves clients at once, where a "
            + "single-threaded server serves one at a time.")
        .getsNothingFor(bench.timing().silence());
    SocketTable table = bench.sockets();
    bench.observe("netstat -tanp while B waits", Sockets.tcpOnly(table).render());
    assertThat(table).hasConnection(server.port(), b.localPort(), "the server side of B's connection")
        .isNotAcceptedYet().hasUnread(bench.target().protocol().wire(fromB).length, "client B");

    a.says("A again").as("client A's second message, while B waits,").isAnswered();
    LabProtocol protocol = bench.target().protocol();
    Optional<String> end = protocol.end();
    if (end.isPresent()) {
      Talker.Said said = a.says(end.get()).as("client A's " + end.get());
      if (protocol.answersTheEnd()) {
        said.isAnswered();
      }
      a.tcpClient().closeAfterEnd();
    } else {
      a.tcpClient().close(); // the lab's conversations end when the client closes its side
    }
    if (b.tcpClient().expectedAnswer().isEmpty()) {
      bench.observe("B after A's end", Closes.readOrReset(bench, b, "client B, once A ended and left,"));
      return;
    }
    Reply afterEnd = b.tcpClient().receiveAnswer(bench.timing().reply());
    bench.observe("B after A's end", servedOrReset(afterEnd));
    assertThatAnswer(afterEnd).as("client B, once A ended and left,").isServedOrReset();
  }

  private static String servedOrReset(Reply reply) {
    if (reply.bytes().length > 0) {
      return "served: the server accepted B and answered its waiting message with " + Bytes.show(reply.bytes());
    }
    return switch (reply.outcome()) {
      case RESET -> "reset: the server closed its listening socket with B still queued, and the kernel reset B";
      case EOF -> "closed: B's connection was closed without an answer";
      default -> "still waiting: " + reply.describe();
    };
  }

  @Spec(id = "tcp.refused-without-server", level = MUST, question = "2.3", kinds = TCP, startsProgram = false,
      summary = "with no server running, a TCP connect to the port is refused at once",
      hint = "Connection refused is the kernel's answer (a RST) when nothing listens on the port.")
  void connectIsRefusedWithoutServer(Bench bench) {
    TcpClient client = bench.tcpClient("A");
    assertThat(client.connect(bench.target().port()))
        .as("a connect to 127.0.0.1:%d with no server in the namespace", bench.target().port())
        .isRefusedWithin(bench.timing().atOnce());
  }

  /**
   * While client A is served, further clients connect one at a time: each completed connection
   * waits in the accept queue (the kernel holds the listen backlog + 1 of them), and the next
   * connect is neither accepted nor refused for the silence window, its SYN dropped, which the
   * kernel counts in TcpExt ListenOverflows. Reported as the observation {@code accept queue}.
   *
   * <p>At most {@value #MAX_FURTHER_CONNECTS} further connects: a longer queue is reported as such.
   * A server seen to accept any of them (its side of the connection held by a process) accepts
   * clients while it serves one: its queue does not fill, and the spec says so.
   */
  @Spec(id = "tcp.backlog-overflow", windows = 1, level = INFO, kinds = TCP,
      summary = "once the accept queue is full, a further connect is neither accepted nor refused but stays pending; "
          + "reports the queue capacity observed",
      hint = "listen(n) sizes the queue of connections the kernel completes before the server accepts them (Linux "
          + "holds n + 1). When it is full the kernel drops new SYNs: the client retries, it is not refused.")
  void connectStaysPendingOnceTheAcceptQueueIsFull(Bench bench) {
    ServerUnderTest server = Given.serverListening(bench);
    int port = server.port();
    Talker a = server.connect("A");
    a.tcpClient().send("I am A");
    Poll.Sampled<SocketTable> taken = bench.await("the server accepted A", bench::sockets,
        table -> Sockets.heldConnection(table, port, a.localPort()), bench.timing().reply());
    assertThat(taken.value()).hasConnection(port, a.localPort(), "the server's connected socket to A")
        .isHeldByTheProgram();
    AcceptQueue queue = fillAcceptQueue(bench, port);
    bench.observe("accept queue", queue.describe());
    assertThat(queue).leftAConnectPending();
  }

  private static AcceptQueue fillAcceptQueue(Bench bench, int port) {
    Counters before = bench.counters();
    List<TcpClient> further = new ArrayList<>();
    Connect last = null;
    String acceptedBy = null;
    while (further.size() < MAX_FURTHER_CONNECTS && acceptedBy == null) {
      TcpClient next = bench.tcpClient("Q" + (further.size() + 1));
      Connect connect = next.connect(port, bench.timing().silence());
      if (connect.outcome() != Outcome.CONNECTED) {
        last = connect;
        break;
      }
      further.add(next);
      // Any of them, not only the newest: a server may take one a little after the next arrived.
      acceptedBy = Sockets.acceptedBy(bench.sockets(), port, further);
    }
    if (acceptedBy == null) {
      acceptedBy = Sockets.acceptedBy(bench.sockets(), port, further);
    }
    int attempts = further.size() + (last == null ? 0 : 1);
    return new AcceptQueue(further.size(), acceptedBy, last, attempts,
        CounterChange.of(before, bench.counters(), "TcpExt", "ListenOverflows", "while the further clients connected"));
  }

}
