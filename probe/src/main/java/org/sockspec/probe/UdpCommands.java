package org.sockspec.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

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

  /** {@code udp.open H [PEER_PORT]}. */
  Json open(Request r) {
    try {
      DatagramChannel channel = DatagramChannel.open();
      channel.bind(new InetSocketAddress(LOOPBACK, 0));
      if (r.args().size() > 1) {
        channel.connect(new InetSocketAddress(LOOPBACK, r.integer(1)));
      }
      channel.configureBlocking(false);
      handles.put(r.text(0), channel);
      return Json.object().put("outcome", "open")
          .put("localPort", ((InetSocketAddress) channel.getLocalAddress()).getPort());
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage());
    }
  }

  /** {@code udp.send H PORT BASE64}: answers with the byte count {@code sendto} returned. */
  Json send(Request r) {
    DatagramChannel channel = handles.get(r.text(0), DatagramChannel.class);
    byte[] bytes = r.bytes(2);
    try {
      int sent = channel.isConnected()
          ? channel.write(ByteBuffer.wrap(bytes))
          : channel.send(ByteBuffer.wrap(bytes), new InetSocketAddress(LOOPBACK, r.integer(1)));
      return Json.object().put("outcome", "sent").put("sent", sent);
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage());
    }
  }

  /** {@code udp.recv H TIMEOUT_MS}: one datagram, whole, with the port it came from. */
  Json recv(Request r) {
    DatagramChannel channel = handles.get(r.text(0), DatagramChannel.class);
    long start = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      long left = r.integer(1);
      while (left > 0) {
        selector.select(left);
        SocketAddress from = channel.isConnected() ? readConnected(channel, buffer) : channel.receive(buffer);
        if (from != null) {
          buffer.flip();
          byte[] data = Arrays.copyOf(buffer.array(), buffer.limit());
          return Json.object().put("outcome", "data").putBytes("data", data)
              .put("fromPort", ((InetSocketAddress) from).getPort()).put("ms", Clock.msSince(start));
        }
        left = r.integer(1) - Clock.msSince(start);
      }
      return Json.object().put("outcome", "timeout").put("ms", Clock.msSince(start));
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage())
          .put("ms", Clock.msSince(start));
    }
  }

  private static SocketAddress readConnected(DatagramChannel channel, ByteBuffer buffer) throws IOException {
    return channel.read(buffer) > 0 || buffer.position() > 0 ? channel.getRemoteAddress() : null;
  }

  /** {@code udp.close H}. */
  Json close(Request r) {
    handles.close(r.text(0));
    return Json.object().put("outcome", "closed");
  }
}
