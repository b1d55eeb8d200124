package org.sockspec.bench;

import java.time.Duration;
import org.sockspec.bench.internal.ProbeChannel;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.Closed;
import org.sockspec.probe.protocol.ProbeAnswer.Connected;
import org.sockspec.probe.protocol.ProbeAnswer.Received;
import org.sockspec.probe.protocol.ProbeAnswer.Sent;
import org.sockspec.probe.protocol.ProbeRequest.TcpAbort;
import org.sockspec.probe.protocol.ProbeRequest.TcpClose;
import org.sockspec.probe.protocol.ProbeRequest.TcpConnect;
import org.sockspec.probe.protocol.ProbeRequest.TcpRecv;
import org.sockspec.probe.protocol.ProbeRequest.TcpSend;

/**
 * A TCP client the probe opens inside the target's namespace, on 127.0.0.1. Every operation is
 * bounded and logged to the bench's transcript under the client's name ("A", "B"...). It speaks the
 * lab's protocol: a message is sent framed as the lab frames it, and the answer it then waits for is
 * the one the lab's rule gives that message.
 */
public final class TcpClient {
  private final ProbeChannel probe;
  private final Transcript transcript;
  private final Timing timing;
  private final String name;
  private final LabProtocol protocol;
  private byte[] lastMessage = new byte[0];
  /** The lab's greeting, while it is still due on this connection (a server sends it once it accepts). */
  private byte[] greetingDue = new byte[0];
  private int localPort = -1;

  TcpClient(ProbeChannel probe, Transcript transcript, Timing timing, String name, LabProtocol protocol) {
    this.probe = probe;
    this.transcript = transcript;
    this.timing = timing;
    this.name = name;
    this.protocol = protocol;
  }

  /** Connects to 127.0.0.1:{@code port} within the connect bound; the outcome says how it went. */
  public Connect connect(int port) {
    return connect(port, timing.connect());
  }

  /** Connects within {@code window}: a connect the kernel neither accepts nor refuses times out. */
  public Connect connect(int port, Duration window) {
    Connected answer = probe.call(window, new TcpConnect(name, port, (int) window.toMillis()), Connected.class);
    localPort = answer.localPort();
    if (answer.outcome() == Outcome.CONNECTED) {
      greetingDue = protocol.greeting().map(text -> protocol.framing().frame(Bytes.utf8(text))).orElse(new byte[0]);
    }
    Connect result = new Connect(answer.outcome(), answer.ms(), window.toMillis(), localPort, answer.error());
    transcript.log(name + " connect 127.0.0.1:" + port + " -> " + result.describe());
    if (result.outcome() == Outcome.TIMEOUT) {
      WaitLedger.ranToBound("a TCP connect", window, result.ms());
    }
    return result;
  }

  /** Sends {@code message} as the lab frames it (a line with its newline, or the bytes as they are). */
  public Outcome send(byte[] message) {
    lastMessage = message.clone();
    return sendBytes(protocol.wire(message));
  }

  public Outcome send(String text) {
    return send(Bytes.utf8(text));
  }

  /** Sends exactly {@code bytes}, unframed: a message cut in pieces, or several in one send. */
  public Outcome sendBytes(byte[] bytes) {
    Outcome outcome = probe.call(timing.reply(), new TcpSend(name, bytes), Sent.class).outcome();
    transcript.log(name + " send " + Bytes.describe(bytes) + " -> " + outcome.wire());
    return outcome;
  }

  /**
   * What is due to arrive next: the lab's greeting while it has not come yet, then the answer the lab's
   * rule gives this client's last message, as it arrives; empty when nothing is due.
   */
  public java.util.Optional<byte[]> expectedAnswer() {
    byte[] answer = protocol.expectedAnswer(lastMessage).orElse(new byte[0]);
    byte[] due = java.util.Arrays.copyOf(greetingDue, greetingDue.length + answer.length);
    System.arraycopy(answer, 0, due, greetingDue.length, answer.length);
    return due.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(due);
  }

  /** Whether the lab's greeting is still due on this connection (it connected, and nothing came yet). */
  public boolean greetingDue() {
    return greetingDue.length > 0;
  }

  /**
   * Receives the lab's greeting, if it is still due, within {@code window}: what came (nothing, when
   * none was due), the greeting no longer due either way.
   */
  public java.util.Optional<Reply> receiveGreeting(Duration window) {
    if (greetingDue.length == 0) {
      return java.util.Optional.empty();
    }
    Reply got = receiveExactly(greetingDue, window);
    greetingDue = new byte[0];
    return java.util.Optional.of(got);
  }

  /** Receives exactly {@code expected} (until it came whole, the peer closed, or what came can no longer be it). */
  public Reply receiveExactly(byte[] expected, Duration window) {
    Received reply = probe.call(window, new TcpRecv(name, 65_536, (int) window.toMillis(), expected.length, expected),
        Received.class);
    return logged(Reply.of(reply, window));
  }

  /**
   * Receives until {@code expected} bytes arrived (TCP may split an answer), the peer closed, or
   * {@code window} ended.
   */
  public Reply receive(int expected, Duration window) {
    Received reply = probe.call(window, new TcpRecv(name, Math.max(expected, 65_536), (int) window.toMillis(),
        Math.max(1, expected), null), Received.class);
    return logged(Reply.of(reply, window));
  }

  private Reply logged(Reply reply) {
    transcript.log(name + " receive -> " + reply.describe());
    if (reply.outcome() == Outcome.TIMEOUT) {
      WaitLedger.ranToBound("a TCP receive", reply.window(), reply.ms());
    }
    return reply;
  }

  /** Receives an answer of {@code expected} bytes within the reply bound. */
  public Reply receive(int expected) {
    return receive(expected, timing.reply());
  }

  /**
   * Receives the server's answer to this client's last message, as the lab's rule gives it, within
   * the reply bound: until it came whole, the peer closed, or what came can no longer be it (decided
   * at once: a wrong answer is not waited on for the rest of the window). Where the lab's server
   * answers nothing, whatever comes first.
   */
  public Reply receiveAnswer() {
    return receiveAnswer(timing.reply());
  }

  /** As {@link #receiveAnswer()}, within {@code window}. */
  public Reply receiveAnswer(Duration window) {
    byte[] expected = expectedAnswer().orElse(null);
    Received reply = probe.call(window, new TcpRecv(name, 65_536, (int) window.toMillis(),
        expected == null ? 1 : expected.length, expected), Received.class);
    Reply got = logged(Reply.of(reply, window));
    if (greetingDue.length > 0 && got.bytes().length >= greetingDue.length) {
      greetingDue = new byte[0];
    }
    return got;
  }

  /** Closes with FIN. */
  public void close() {
    probe.call(timing.reply(), new TcpClose(name, null), Closed.class);
    transcript.log(name + " close");
  }

  /**
   * Closes after this client's end was answered: waits (at most the silence window) for the server
   * to close its side, as the lab's server does after end, so that the two closes do not cross and
   * leave a TIME_WAIT on the server's port (which would keep the next server without SO_REUSEADDR
   * from binding). A server that keeps the connection open is then closed on with FIN, as by close().
   */
  public void closeAfterEnd() {
    Closed answer = probe.call(timing.reply().plus(timing.silence()),
        new TcpClose(name, (int) timing.silence().toMillis()), Closed.class);
    transcript.log(name + " close" + (answer.reset() ? " (the server had closed first)" : ""));
  }

  /** Closes with RST (SO_LINGER 0), as a crashed client would. */
  public void abort() {
    probe.call(timing.reply(), new TcpAbort(name), Closed.class);
    transcript.log(name + " abort (reset)");
  }

  public String name() {
    return name;
  }

  /** The client's own port, once connected; -1 before. */
  public int localPort() {
    return localPort;
  }
}
