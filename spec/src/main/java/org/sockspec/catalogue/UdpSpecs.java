package org.sockspec.catalogue;

import static org.sockspec.bench.Kind.UDP;
import static org.sockspec.spec.Level.INFO;
import static org.sockspec.spec.Level.MUST;
import static org.sockspec.spec.Level.SHOULD;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Counters;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Poll;
import org.sockspec.bench.ReceivedLines;
import org.sockspec.bench.Reply;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.SocketTable;
import org.sockspec.bench.UdpClient;
import org.sockspec.spec.Needs;
import org.sockspec.spec.Spec;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.assertions.CounterChange;
import org.sockspec.spec.assertions.Sendto;

/** Part 2 of the handout: the UDP server (srv_udp.py). */
public class UdpSpecs {

  /**
   * The answer is judged byte for byte. When none comes, the failure says where it went, from the
   * namespace's counters: Udp NoPorts grows when a datagram (the answer) is sent to a port no
   * socket is bound to.
   */
  @Spec(id = "udp.ack", level = MUST, question = "2.1", kinds = UDP, needs = Needs.ANSWERS,
      summary = "each datagram (1, 20, 50 bytes) is answered with exactly the answer text, sent to the sender's "
          + "address and port",
      hint = "Answer with s.sendto(b\"Message received\", address), where address is the (host, port) pair recvfrom "
          + "returned: the client's own port, not the server's.")
  void eachDatagramIsAnsweredToItsSender(Bench bench) {
    Talker a = Given.serverListening(bench).udpClient("A");
    for (int size : new int[] {1, 20, 50}) {
      a.says("x".repeat(size)).isAnsweredExactly();
    }
  }

  /**
   * Three clients send in turn (A B C, then A B C again) before any reads its answer; each must
   * then find an answer of its own, and at the end nothing more waits on any client's socket (its
   * Recv-Q, read inside the namespace: no answer went to the wrong client or twice).
   */
  @Spec(id = "udp.many-clients", level = MUST, question = "2.1", kinds = UDP, needs = Needs.ANSWERS,
      summary = "three clients sending in turn (A B C A B C) each get their own answers; none waits for another",
      hint = "One recvfrom loop serves every client: answer each datagram to the address it came from, and never "
          + "connect() the server's socket to one client.")
  void interleavedClientsAreEachAnswered(Bench bench) {
    Given.serverListening(bench);
    int port = bench.target().port();
    List<UdpClient> clients = List.of(bench.udpClient("A"), bench.udpClient("B"), bench.udpClient("C"));
    for (int round = 1; round <= 2; round++) {
      Counters before = bench.counters();
      for (UdpClient client : clients) {
        client.send(port, client.name() + " says hello (" + round + ")");
      }
      for (UdpClient client : clients) {
        assertThatAnswer(client.receive())
            .as("client %s's datagram %d, sent in turn with the others',", client.name(), round)
            .explainedBy(() -> Datagrams.whereTheAnswerWent(bench, before, clients.size())).isAnswered();
      }
    }
    SocketTable table = bench.sockets();
    for (UdpClient client : clients) {
      assertThat(table).hasUdpSocket(client.localPort(), "client " + client.name() + "'s socket")
          .hasNothingUnread("a datagram more than its answers, meant for another client or sent twice");
    }
  }

  /**
   * Evidence: the socket table during an exchange with three clients (observation
   * {@code netstat -uanp}), and the source port of each answer that came (the server's socket
   * answers from the port it is bound to).
   */
  @Spec(id = "udp.one-socket", level = MUST, question = "2.2", kinds = UDP,
      summary = "while three clients exchange with it, the server holds exactly one UDP socket, on the port, "
          + "unconnected: no per-client socket",
      hint = "netstat -uanp shows one line for the UDP server, with no state: UDP has no listen, accept or "
          + "connection. The same socket receives from and answers every client.")
  void serverUsesOneUnconnectedSocket(Bench bench) {
    Given.serverListening(bench);
    int port = bench.target().port();
    List<UdpClient> clients = List.of(bench.udpClient("A"), bench.udpClient("B"), bench.udpClient("C"));
    for (UdpClient client : clients) {
      client.send(port, client.name() + " is here");
    }
    List<Reply> replies = new ArrayList<>();
    if (bench.target().protocol().answer().answers()) {
      // The three were sent together, so all their answers are due within one reply bound.
      long deadline = System.nanoTime() + bench.timing().reply().toNanos();
      for (UdpClient client : clients) {
        replies.add(client.receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()))));
      }
    } else {
      Messages.assertRead(bench, "the three clients' datagrams", -1, bench.timing().reply());
    }
    SocketTable table = bench.sockets();
    bench.observe("netstat -uanp", Sockets.udpOnly(table).render());
    assertThat(table).hasOneProgramUdpSocket(port).isUnconnected();
    for (int i = 0; i < replies.size(); i++) {
      assertThatAnswer(replies.get(i)).as("the answer to client %s", clients.get(i).name())
          .cameFromPortIfAnswered(port);
    }
  }

  /**
   * Positive evidence for the silence: Udp NoPorts grows by one as the datagram arrives and finds
   * no socket (polled inside the namespace), then the client hears nothing for the silence window;
   * a connected socket is told, through the ICMP port unreachable, on its next receive.
   */
  @Spec(id = "udp.send-without-server", windows = 1, level = MUST, question = "2.3", kinds = UDP, startsProgram = false,
      summary = "with no server, sendto returns the full count and raises nothing, no answer comes, Udp NoPorts "
          + "grows by one; a connected UDP socket's next receive reports refused",
      hint = "UDP sends without any handshake: nothing tells an unconnected socket that no one listens. The kernel "
          + "answers with an ICMP port unreachable, which only a connected socket hears (as ECONNREFUSED).")
  void sendtoWithoutServerSucceedsButNothingAnswers(Bench bench) {
    int port = bench.target().port();
    byte[] hello = Bytes.utf8("hello");
    int length = bench.target().protocol().wire(hello).length;
    UdpClient a = bench.udpClient("A");
    Counters before = bench.counters();
    assertThat(new Sendto("A", length, a.send(port, hello), "to port " + port + " with no server"))
        .returnedTheFullCount();
    Poll.Sampled<Counters> counted = bench.await("A's datagram counted (Udp NoPorts to grow)", bench::counters,
        now -> now.since(before, "Udp", "NoPorts") >= 1, bench.timing().reply());
    assertThat(CounterChange.of(before, counted.value(), "Udp", "NoPorts", "after A's one datagram"))
        .grewBy(1, "datagrams that arrived for a port no socket is bound to");
    assertThatAnswer(a.receive(bench.timing().silence())).as("client A, an unconnected UDP socket with no server,")
        .isNothing();

    UdpClient c = bench.connectedUdpClient("C", port);
    assertThat(new Sendto("C", length, c.send(port, hello), "on a socket connected to port " + port))
        .returnedTheFullCount();
    assertThatAnswer(c.receive()).as("the next receive of client C, a UDP socket connected to port %d,", port)
        .isRefused();
  }

  /**
   * What the server received is read from the line it prints for each datagram, {@code Received
   * b'...'} (the lab's servers print what they received; the kernel discards a datagram's rest
   * without a trace, so nothing else can tell): the long text must show as exactly its first 50
   * bytes, then a short datagram sent next as itself, with nothing in between. The answer flow
   * must agree: an answer to each datagram, and no third one waiting on the client's socket (the
   * rest never reached the server as a message of its own).
   */
  @Spec(id = "udp.truncates-to-50", level = MUST, question = "2.4", kinds = UDP, needs = Needs.TRUNCATION,
      summary = "the handout's long text in one datagram reaches the server as exactly its first 50 bytes; the "
          + "server still answers and the rest is discarded",
      hint = "recvfrom(50) returns at most 50 bytes of a datagram and the kernel discards the rest: the next "
          + "recvfrom returns the next datagram, not the rest of this one.")
  void longDatagramIsCutToItsFirstFiftyBytes(Bench bench) {
    ServerUnderTest server = Given.serverListening(bench);
    LabProtocol protocol = bench.target().protocol();
    Talker a = server.udpClient("A");
    int buffer = protocol.udpBuffer();
    byte[] text = Bytes.utf8(HandoutText.longerThan(buffer,
        LabProtocol.MAX_DATAGRAM - (protocol.framing() == Framing.LINE ? 1 : 0)));
    if (protocol.answer().dependsOnTheMessage()) {
      // The answer says what the server read: the rule applied to the datagram's first bytes.
      a.says(text).as("client A's long text (%d bytes in one datagram)", text.length).isAnsweredExactly();
      a.says("the next datagram").as("client A's next datagram").isAnsweredExactly();
      bench.noteOnTheWire("the long text crossed the wire whole, " + text.length + " bytes in one datagram; the "
          + "server's answer shows it read " + buffer + " of them");
      assertThat(bench.sockets()).hasUdpSocket(a.localPort(), "client A's socket")
          .hasNothingUnread("a third answer: the server got a message more than the two datagrams");
      return;
    }
    a.says(text).as("client A's long text (%d bytes in one datagram)", text.length).isAnswered();
    byte[] next = Bytes.utf8("the next datagram");
    a.says(next).as("client A's next datagram").isAnswered();
    byte[] firstBytes = Arrays.copyOf(text, buffer);
    String first = new String(firstBytes, java.nio.charset.StandardCharsets.US_ASCII);
    // A lab's server prints what it received, in the handout's "Received b'...'" lines or its own words.
    bench.awaitOutput(server.program(), "the server's line for the next datagram", out -> ReceivedLines.parse(out)
        .messages().stream().anyMatch(m -> Arrays.equals(m, next))
        || !protocol.equals(LabProtocol.HANDOUT) && out.contains(first), bench.timing().reply());
    if (!protocol.equals(LabProtocol.HANDOUT) && ReceivedLines.parse(server.program().output().text()).messages()
        .stream().noneMatch(m -> Arrays.equals(m, next))) {
      Printed.showsExactlyTheFirst(bench, server.program(), text, buffer);
      return;
    }

    ReceivedLines lines = ReceivedLines.parse(server.program().output().text());
    bench.observe("the server printed it received", lines.describe());
    if (!lines.messages().isEmpty()) {
      bench.noteOnTheWire("the long text crossed the wire whole, " + text.length + " bytes in one datagram; the "
          + "server printed that it received " + lines.messages().get(0).length + " of them");
    }
    assertThat(lines).printedExactly(List.of(firstBytes, next),
        List.of("the long text (" + text.length + " bytes) as exactly its first " + buffer + " bytes",
            "the next datagram whole, right after (no rest of the long text in between)"));
    assertThat(bench.sockets()).hasUdpSocket(a.localPort(), "client A's socket")
        .hasNothingUnread("a third answer: the server got a message more than the two datagrams");
  }

  /**
   * The exit status is the server's first process's, as the shell would report it. Where the lab's
   * server goes on after the end (or has no end word), the next client must be served instead.
   */
  @Spec(id = "udp.end", level = SHOULD, kinds = UDP,
      summary = "end is answered and the server then exits with status 0",
      hint = "Answer b\"end\" like any message, then leave the loop, close the socket and let the program end "
          + "normally.")
  void endIsAnsweredThenTheServerExits(Bench bench) {
    ServerUnderTest listening = Given.serverListening(bench);
    LabProtocol protocol = bench.target().protocol();
    Optional<String> end = protocol.end();
    Talker a = listening.udpClient("A");
    if (end.isPresent()) {
      Talker.Said said = a.says(end.get()).as("client A's " + end.get());
      if (protocol.answersTheEnd()) {
        said.isAnswered();
      } else {
        Messages.assertRead(bench, "client A's " + end.get(), -1, bench.timing().reply());
      }
    } else {
      a.says("hello").as("client A's message").isAnswered();
    }
    RunningProgram server = listening.program();
    if (end.isPresent() && protocol.afterEnd(Protocol.UDP) == LabProtocol.AfterEnd.EXIT) {
      server.awaitExit(bench.timing().exit());
      assertThat(server).as("the server, once it answered %s,", end.get()).within(bench.timing().exit())
          .hasExitedWith(0);
      return;
    }
    listening.udpClient("B").says("hello from B").as("client B's message, once A was done,").isAnswered();
    assertThat(server).as("the server, once client A was done,").within(bench.timing().reply()).isStillRunning();
  }

  /**
   * The server is stopped (SIGSTOP) while three clients each send a burst of
   * {@value Datagrams#BURST} datagrams of {@value Datagrams#BURST_SIZE} bytes, more than its
   * receive buffer holds; once resumed it answers what the kernel kept. Udp RcvbufErrors must
   * account for exactly the datagrams never answered. The same burst over TCP, to a reader of the
   * kit's own that reads nothing until the writers are done, arrives whole. Reported as the
   * observation {@code loss}.
   */
  @Spec(id = "udp.drops-under-load", level = INFO, question = "2.4", kinds = UDP, needs = Needs.ANSWERS,
      summary = "with the server stopped and a burst from several clients, what does not fit its receive buffer is "
          + "dropped (Udp RcvbufErrors counts exactly the missing datagrams); the same burst over TCP loses nothing",
      hint = "Real loss: a datagram that arrives when the socket's receive buffer is full is dropped by the kernel, "
          + "and nobody is told (netstat -su: receive buffer errors). TCP instead stops the sender.")
  void burstToAStoppedServerLosesWhatDoesNotFit(Bench bench) {
    Given.serverListening(bench);
    assertThat(Datagrams.burstToStoppedServer(bench)).lostExactlyWhatTheKernelCounted().butTcpLostNothing();
  }
}
