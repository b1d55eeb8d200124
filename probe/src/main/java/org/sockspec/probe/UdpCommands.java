package org.sockspec.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.Opened;
import org.sockspec.probe.protocol.ProbeAnswer.Received;
import org.sockspec.probe.protocol.ProbeAnswer.Sent;
import org.sockspec.probe.protocol.ProbeRequest.UdpOpen;
import org.sockspec.probe.protocol.ProbeRequest.UdpRecv;
import org.sockspec.probe.protocol.ProbeRequest.UdpSend;

/**
 * UDP sockets the specs drive. A socket is unconnected (like the lab's client: {@code sendto} to
 * any address) unless opened with a peer port, in which case the kernel reports an ICMP port
 * unreachable as "refused" on the next receive.
 */
final class UdpCommands {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int MAX_DATAGRAM = 65_535;
  private final Handles handles;

  UdpCommands(Handles handles) {
    this.handles = handles;
  }

  /** Unconnected, or connected to the peer port when given. */
  Opened open(UdpOpen r) {
    try {
      DatagramChannel channel = DatagramChannel.open();
      channel.bind(new InetSocketAddress(LOOPBACK, 0));
      if (r.peerPort() != null) {
        channel.connect(new InetSocketAddress(LOOPBACK, r.peerPort()));
      }
      channel.configureBlocking(false);
      handles.put(r.client(), channel);
      return new Opened(Outcome.SENT, ((InetSocketAddress) channel.getLocalAddress()).getPort(), null);
    } catch (IOException e) {
      return new Opened(Outcomes.of(e), -1, e.getMessage());
    }
  }

  /** Answers with the byte count {@code sendto} returned. */
  Sent send(UdpSend r) {
    DatagramChannel channel = handles.get(r.client(), DatagramChannel.class);
    try {
      int sent = channel.isConnected()
          ? channel.write(ByteBuffer.wrap(r.data()))
          : channel.send(ByteBuffer.wrap(r.data()), new InetSocketAddress(LOOPBACK, r.port()));
      return new Sent(Outcome.SENT, sent, null);
    } catch (IOException e) {
      return new Sent(Outcomes.of(e), -1, e.getMessage());
    }
  }

  /** One datagram, whole, with the port it came from. */
  Received recv(UdpRecv r) {
    DatagramChannel channel = handles.get(r.client(), DatagramChannel.class);
    long start = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      long left = r.timeoutMs();
      while (left > 0) {
        selector.select(left);
        SocketAddress from = channel.isConnected() ? readConnected(channel, buffer) : channel.receive(buffer);
        if (from != null) {
          buffer.flip();
          byte[] data = Arrays.copyOf(buffer.array(), buffer.limit());
          return new Received(Outcome.DATA, data, Clock.msSince(start), ((InetSocketAddress) from).getPort(), null);
        }
        left = r.timeoutMs() - Clock.msSince(start);
      }
      return new Received(Outcome.TIMEOUT, new byte[0], Clock.msSince(start), null, null);
    } catch (IOException e) {
      return new Received(Outcomes.of(e), new byte[0], Clock.msSince(start), null, e.getMessage());
    }
  }

  private static SocketAddress readConnected(DatagramChannel channel, ByteBuffer buffer) throws IOException {
    return channel.read(buffer) > 0 || buffer.position() > 0 ? channel.getRemoteAddress() : null;
  }
}
