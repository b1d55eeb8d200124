package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.sockspec.bench.internal.ProbeChannel;

/**
 * A UDP socket the probe opens inside the target's namespace, bound to 127.0.0.1. Unconnected by
 * default, like the lab's client; a connected one hears ICMP "port unreachable" as REFUSED.
 */
public final class UdpClient {
  private final ProbeChannel probe;
  private final Transcript transcript;
  private final Timing timing;
  private final String name;
  private final int localPort;

  UdpClient(ProbeChannel probe, Transcript transcript, Timing timing, String name, Integer connectedTo) {
    this.probe = probe;
    this.transcript = transcript;
    this.timing = timing;
    this.name = name;
    JsonNode answer = connectedTo == null
        ? probe.call(timing.reply(), "udp.open", name)
        : probe.call(timing.reply(), "udp.open", name, connectedTo);
    localPort = answer.path("localPort").asInt(-1);
    transcript.log(name + " opens a UDP socket on 127.0.0.1:" + localPort
        + (connectedTo == null ? " (unconnected)" : " connected to port " + connectedTo));
  }

  /** Sends one datagram to 127.0.0.1:{@code port}; returns the byte count sendto returned (-1 on error). */
  public int send(int port, byte[] bytes) {
    JsonNode answer = probe.call(timing.reply(), "udp.send", name, port, bytes);
    int sent = answer.path("outcome").asText().equals("sent") ? answer.path("sent").asInt() : -1;
    transcript.log(name + " sendto 127.0.0.1:" + port + " " + Bytes.describe(bytes) + " -> "
        + (sent >= 0 ? "returned " + sent : answer.path("outcome").asText() + " " + answer.path("error").asText()));
    return sent;
  }

  public int send(int port, String text) {
    return send(port, Bytes.utf8(text));
  }

  /** Receives one datagram within {@code window}. */
  public Reply receive(Duration window) {
    Reply reply = Reply.of(probe.call(window, "udp.recv", name, window.toMillis()), window);
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
    JsonNode answer = probe.call(timing.reply(), "udp.burst", name, port, count, bytes);
    int full = answer.path("full").asInt(-1);
    transcript.log(name + " sends a burst of " + count + " datagrams " + Bytes.describe(bytes) + " to 127.0.0.1:"
        + port + " in " + answer.path("ms").asLong() + " ms -> " + full + " sendto calls returned the full count"
        + (answer.has("error") ? " (" + answer.get("error").asText() + ")" : ""));
    return full;
  }

  /** Reads every datagram already queued on this socket, without waiting; returns how many. */
  public int drain() {
    JsonNode answer = probe.call(timing.reply(), "udp.drain", name);
    int count = answer.path("count").asInt();
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
