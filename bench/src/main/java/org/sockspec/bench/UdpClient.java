package org.sockspec.bench;

import java.time.Duration;
import org.sockspec.bench.internal.ProbeChannel;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.BurstSent;
import org.sockspec.probe.protocol.ProbeAnswer.Drained;
import org.sockspec.probe.protocol.ProbeAnswer.Opened;
import org.sockspec.probe.protocol.ProbeAnswer.Received;
import org.sockspec.probe.protocol.ProbeAnswer.Sent;
import org.sockspec.probe.protocol.ProbeRequest.UdpBurst;
import org.sockspec.probe.protocol.ProbeRequest.UdpDrain;
import org.sockspec.probe.protocol.ProbeRequest.UdpOpen;
import org.sockspec.probe.protocol.ProbeRequest.UdpRecv;
import org.sockspec.probe.protocol.ProbeRequest.UdpSend;

/**
 * A UDP socket the probe opens inside the target's namespace, bound to 127.0.0.1. Unconnected by
 * default, like the lab's client; a connected one hears ICMP "port unreachable" as REFUSED. It speaks
 * the lab's protocol: a message is sent framed as the lab frames it, one datagram, and the answer
 * due is the lab's rule applied to what the server can read of it (its buffer's worth).
 */
public final class UdpClient {
  private final ProbeChannel probe;
  private final Transcript transcript;
  private final Timing timing;
  private final String name;
  private final int localPort;
  private final LabProtocol protocol;
  private byte[] lastMessage = new byte[0];

  UdpClient(ProbeChannel probe, Transcript transcript, Timing timing, String name, Integer connectedTo,
      LabProtocol protocol) {
    this.probe = probe;
    this.transcript = transcript;
    this.timing = timing;
    this.name = name;
    this.protocol = protocol;
    localPort = probe.call(timing.reply(), new UdpOpen(name, connectedTo), Opened.class).localPort();
    transcript.log(name + " opens a UDP socket on 127.0.0.1:" + localPort
        + (connectedTo == null ? " (unconnected)" : " connected to port " + connectedTo));
  }

  /**
   * Sends {@code message}, framed as the lab frames it, in one datagram to 127.0.0.1:{@code port};
   * returns the byte count sendto returned (-1 on error).
   */
  public int send(int port, byte[] message) {
    lastMessage = message.clone();
    return sendBytes(port, protocol.wire(message));
  }

  /** The answer the lab's rule gives this client's last datagram, as far as the server can read it; empty for none. */
  public java.util.Optional<byte[]> expectedAnswer() {
    return protocol.expectedAnswer(protocol.framing().unframe(protocol.readOf(protocol.wire(lastMessage))));
  }

  /** Sends exactly {@code bytes} in one datagram; returns the byte count sendto returned (-1 on error). */
  public int sendBytes(int port, byte[] bytes) {
    Sent answer = probe.call(timing.reply(), new UdpSend(name, port, bytes), Sent.class);
    int sent = answer.outcome() == Outcome.SENT ? answer.sent() : -1;
    transcript.log(name + " sendto 127.0.0.1:" + port + " " + Bytes.describe(bytes) + " -> "
        + (sent >= 0 ? "returned " + sent : answer.outcome() + " " + answer.error()));
    return sent;
  }

  public int send(int port, String text) {
    return send(port, Bytes.utf8(text));
  }

  /** Receives one datagram within {@code window}. */
  public Reply receive(Duration window) {
    Reply reply = Reply.of(probe.call(window, new UdpRecv(name, (int) window.toMillis()), Received.class), window);
    transcript.log(name + " recvfrom -> " + reply.describe() + (reply.fromPort() > 0 ? " from port " + reply.fromPort() : ""));
    if (reply.outcome() == Outcome.TIMEOUT) {
      WaitLedger.ranToBound("a UDP receive", window, reply.ms());
    }
    return reply;
  }

  public Reply receive() {
    return receive(timing.reply());
  }

  /**
   * Sends the datagram {@code count} times back to back, in one request inside the namespace (a
   * burst no receiver can keep pace with); returns how many {@code sendto} calls returned the full
   * byte count. UDP never tells the sender about a datagram dropped at the receiver.
   */
  public int sendBurst(int port, int count, byte[] bytes) {
    BurstSent answer = probe.call(timing.reply(), new UdpBurst(name, port, count, bytes), BurstSent.class);
    int full = answer.full();
    transcript.log(name + " sends a burst of " + count + " datagrams " + Bytes.describe(bytes) + " to 127.0.0.1:"
        + port + " in " + answer.ms() + " ms -> " + full + " sendto calls returned the full count"
        + (answer.error() != null ? " (" + answer.error() + ")" : ""));
    return full;
  }

  /** Reads every datagram already queued on this socket, without waiting; returns how many. */
  public int drain() {
    int count = probe.call(timing.reply(), new UdpDrain(name), Drained.class).count();
    if (count > 0) {
      transcript.log(name + " reads the " + count + " datagrams waiting on its socket");
    }
    return count;
  }

  public String name() {
    return name;
  }

  public int localPort() {
    return localPort;
  }
}
