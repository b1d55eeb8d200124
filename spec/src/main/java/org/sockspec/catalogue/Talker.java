package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Counters;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Reply;
import org.sockspec.bench.TcpClient;
import org.sockspec.bench.UdpClient;
import org.sockspec.spec.assertions.AnswerAssert;
import org.sockspec.spec.assertions.Exchange;

/**
 * A kit client talking to the server under test, in a spec's story: {@code a.says("I am A")}
 * sends, and the {@link Said} step it returns judges the reply ({@code .isAnswered()},
 * {@code .getsNothingFor(window)}) with the diagnosis of its protocol: for TCP, the server's side of
 * the connection (not accepted, unread, read and not answered); for UDP, the namespace's counters
 * (the answer sent elsewhere, or never).
 *
 * <p>It speaks the lab's protocol: a message is framed as the lab frames it, the answer due is the
 * lab's rule applied to it, and where the lab's server answers nothing, being served means the
 * message was read: it left the server's receive queue (the socket table says so).
 */
final class Talker {
  private final Bench bench;
  private final String name;
  private final TcpClient tcp;
  private final UdpClient udp;

  private Talker(Bench bench, String name, TcpClient tcp, UdpClient udp) {
    this.bench = bench;
    this.name = name;
    this.tcp = tcp;
    this.udp = udp;
  }

  static Talker tcp(Bench bench, TcpClient client) {
    return new Talker(bench, client.name(), client, null);
  }

  static Talker udp(Bench bench, UdpClient client) {
    return new Talker(bench, client.name(), null, client);
  }

  String name() {
    return name;
  }

  int localPort() {
    return tcp != null ? tcp.localPort() : udp.localPort();
  }

  /** The TCP client itself, for what the story does not say (a close, a reset). */
  TcpClient tcpClient() {
    return tcp;
  }

  /** The UDP client itself, for what the story does not say (exact bytes sent, a datagram read). */
  UdpClient udpClient() {
    return udp;
  }

  Said says(String text) {
    return says(Bytes.utf8(text));
  }

  /** Sends {@code message} (to the server's port, for UDP); the step judges what comes back. */
  Said says(byte[] message) {
    int port = bench.target().port();
    if (tcp != null) {
      tcp.send(message);
      return new Said(name, message, tcp::receiveAnswer, tcp::expectedAnswer,
          () -> Sockets.whyNoAnswer(bench, port, tcp.localPort()));
    }
    Counters before = bench.counters();
    udp.send(port, message);
    return new Said(name, message, udp::receive, udp::expectedAnswer,
        () -> Datagrams.whereTheAnswerWent(bench, before, 1));
  }

  /** Once the server ended the conversation: the connection must be closed (end of stream or a reset) within the reply bound. */
  void seesTheConnectionClosed(String description, String explanation) {
    greeted();
    assertThatAnswer(tcp.receive(1, bench.timing().reply())).as(description).explainedBy(() -> explanation)
        .isClosedByPeer();
  }

  /** Where the lab's server greets a client it accepted and the greeting is still due: it comes, exactly. */
  void greeted() {
    if (tcp == null || !tcp.greetingDue()) {
      return;
    }
    byte[] greeting = bench.target().protocol().wire(Bytes.utf8(bench.target().protocol().greeting().orElseThrow()));
    Reply reply = tcp.receiveGreeting(bench.timing().reply()).orElseThrow();
    assertThat(new Exchange(name, new byte[0], reply, "", () -> "")).isGreetedExactly(greeting);
  }

  /** What a talker said, awaiting its verdict; the receive happens in the verdict, within its window. */
  final class Said {
    private final String client;
    private final byte[] message;
    private final Function<Duration, Reply> receive;
    private final Supplier<Optional<byte[]>> expected;
    private Supplier<String> whereItWent;
    private String description;
    private String circumstances = "";

    private Said(String client, byte[] message, Function<Duration, Reply> receive, Supplier<Optional<byte[]>> expected,
        Supplier<String> whereItWent) {
      this.client = client;
      this.message = message;
      this.receive = receive;
      this.expected = expected;
      this.whereItWent = whereItWent;
    }

    /** How a failure names the message ("client A's end"); by default its bytes are. */
    Said as(String format, Object... args) {
      this.description = String.format(format, args);
      return this;
    }

    /** The other clients' presence, for a failure's sentence ("while B and C are connected"). */
    Said among(String others) {
      this.circumstances = others;
      return this;
    }

    /** What a failure adds instead of the protocol's diagnosis. */
    Said explainedBy(Supplier<String> explanation) {
      this.whereItWent = explanation;
      return this;
    }

    /** The reply, within the reply bound, is exactly the lab's answer to the message (its rule must answer). */
    Reply isAnsweredExactly() {
      // What is due is read before the receive: the greeting, if it has not come yet, then the answer.
      boolean greeting = tcp != null && tcp.greetingDue();
      byte[] wanted = expected.get().orElseThrow(() -> new IllegalStateException(
          "no answer is due where the lab's server never answers: this spec needs answers"));
      Reply reply = receive.apply(bench.timing().reply());
      String rule = bench.target().protocol().answer().describe();
      assertThat(new Exchange(client, message, reply, circumstances, whereItWent))
          .isAnsweredExactly(wanted, greeting ? "the lab's greeting, then " + rule : rule);
      return reply;
    }

    /**
     * Some answer came within the reply bound (its bytes are the business of the *.ack specs); where
     * the lab's server answers nothing, the message was read within it (the socket table's queues).
     */
    Reply isAnswered() {
      LabProtocol protocol = bench.target().protocol();
      if (!protocol.answer().answers()) {
        Messages.assertRead(bench, description == null ? "client " + client + "'s message " + Bytes.describe(message)
            : description, tcp != null ? tcp.localPort() : -1, bench.timing().reply());
        return new Reply(org.sockspec.probe.protocol.Outcome.TIMEOUT, new byte[0], 0, Duration.ZERO, -1);
      }
      Reply reply = receive.apply(bench.timing().reply());
      answer(reply).isAnswered();
      return reply;
    }

    /** Nothing came for the whole {@code window} (a negative claim: the window is in the message). */
    Reply getsNothingFor(Duration window) {
      Reply reply = receive.apply(window);
      answer(reply).isNothing();
      return reply;
    }

    private AnswerAssert answer(Reply reply) {
      AnswerAssert answer = assertThatAnswer(reply).explainedBy(whereItWent);
      return description == null ? answer : answer.as(description);
    }
  }
}
