package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Counters;
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

  Said says(String text) {
    return says(Bytes.utf8(text));
  }

  /** Sends {@code message} (to the server's port, for UDP); the step judges what comes back. */
  Said says(byte[] message) {
    int port = bench.target().port();
    if (tcp != null) {
      tcp.send(message);
      return new Said(name, message, tcp::receiveAnswer, () -> Sockets.whyNoAnswer(bench, port, tcp.localPort()));
    }
    Counters before = bench.counters();
    udp.send(port, message);
    return new Said(name, message, udp::receive, () -> Datagrams.whereTheAnswerWent(bench, before, 1));
  }

  /** Once the server ended the conversation: the connection must be closed (end of stream or reset) within the reply bound. */
  void seesTheConnectionClosed(String description, String explanation) {
    assertThatAnswer(tcp.receive(1, bench.timing().reply())).as(description).explainedBy(() -> explanation)
        .isClosedByPeer();
  }

  /** What a talker said, awaiting its verdict; the receive happens in the verdict, within its window. */
  final class Said {
    private final String client;
    private final byte[] message;
    private final Function<Duration, Reply> receive;
    private Supplier<String> whereItWent;
    private String description;
    private String circumstances = "";

    private Said(String client, byte[] message, Function<Duration, Reply> receive, Supplier<String> whereItWent) {
      this.client = client;
      this.message = message;
      this.receive = receive;
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

    /** The reply, within the reply bound, is exactly the target's answer. */
    Reply isAnsweredExactly() {
      Reply reply = receive.apply(bench.timing().reply());
      assertThat(new Exchange(client, message, reply, circumstances, whereItWent))
          .isAnsweredExactly(bench.target().answer());
      return reply;
    }

    /** Some answer came within the reply bound (its bytes are the business of the *.ack specs). */
    Reply isAnswered() {
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
