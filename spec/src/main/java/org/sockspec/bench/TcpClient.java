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
 * bounded and logged to the bench's transcript under the client's name ("A", "B"...).
 */
public final class TcpClient {
  private final ProbeChannel probe;
  private final Transcript transcript;
  private final Timing timing;
  private final String name;
  private final byte[] answer;
  private int localPort = -1;

  TcpClient(ProbeChannel probe, Transcript transcript, Timing timing, String name, byte[] answer) {
    this.probe = probe;
    this.transcript = transcript;
    this.timing = timing;
    this.name = name;
    this.answer = answer.clone();
  }

  /** Connects to 127.0.0.1:{@code port} within the connect bound; the outcome says how it went. */
  public Connect connect(int port) {
    return connect(port, timing.connect());
  }

  /** Connects within {@code window}: a connect the kernel neither accepts nor refuses times out. */
  public Connect connect(int port, Duration window) {
    Connected answer = probe.call(window, new TcpConnect(name, port, (int) window.toMillis()), Connected.class);
    localPort = answer.localPort();
    Connect result = new Connect(answer.outcome(), answer.ms(), window.toMillis(), localPort, answer.error());
    transcript.log(name + " connect 127.0.0.1:" + port + " -> " + result.describe());
    if (result.outcome() == Outcome.TIMEOUT) {
      WaitLedger.ranToBound("a TCP connect", window, result.ms());
    }
    return result;
  }

  public Outcome send(byte[] bytes) {
    Outcome outcome = probe.call(timing.reply(), new TcpSend(name, bytes), Sent.class).outcome();
    transcript.log(name + " send " + Bytes.describe(bytes) + " -> " + outcome.wire());
    return outcome;
  }

  public Outcome send(String text) {
    return send(Bytes.utf8(text));
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
   * Receives the server's answer (the target's answer text) within the reply bound: until it came
   * whole, the peer closed, or what came can no longer be it (decided at once: a wrong answer is
   * not waited on for the rest of the window).
   */
  public Reply receiveAnswer() {
    return receiveAnswer(timing.reply());
  }

  /** As {@link #receiveAnswer()}, within {@code window}. */
  public Reply receiveAnswer(Duration window) {
    Received reply = probe.call(window, new TcpRecv(name, 65_536, (int) window.toMillis(), answer.length, answer),
        Received.class);
    return logged(Reply.of(reply, window));
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
