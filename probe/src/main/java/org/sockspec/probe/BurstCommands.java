package org.sockspec.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.BurstSent;
import org.sockspec.probe.protocol.ProbeAnswer.Drained;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.ProbeAnswer.TcpBurstDone;
import org.sockspec.probe.protocol.ProbeRequest.TcpBurst;
import org.sockspec.probe.protocol.ProbeRequest.UdpBurst;
import org.sockspec.probe.protocol.ProbeRequest.UdpDrain;
import org.sockspec.probe.protocol.Protocol;

/**
 * Bursts of traffic, sent inside the namespace in one request so that their pace does not depend
 * on the kit's round trips (a burst the kit paced datagram by datagram would give a slow receiver
 * time to keep up): many datagrams at once, and the same burst over TCP to a reader that pauses.
 */
final class BurstCommands {
  private static final String LOOPBACK = "127.0.0.1";
  private final Handles handles;

  BurstCommands(Handles handles) {
    this.handles = handles;
  }

  /**
   * Sends the datagram COUNT times, back to back. Answers how many {@code sendto} calls returned
   * the full byte count ({@code full}), and the first error.
   */
  BurstSent udpBurst(UdpBurst r) {
    DatagramChannel channel = handles.get(r.client(), DatagramChannel.class);
    InetSocketAddress to = new InetSocketAddress(LOOPBACK, r.port());
    int count = r.count();
    byte[] bytes = r.data();
    long start = System.nanoTime();
    int full = 0;
    String error = null;
    for (int i = 0; i < count; i++) {
      try {
        // A non-blocking channel answers 0 when its send buffer is full: a short count, counted as such.
        int sent = channel.isConnected() ? channel.write(ByteBuffer.wrap(bytes))
            : channel.send(ByteBuffer.wrap(bytes), to);
        if (sent == bytes.length) {
          full++;
        }
      } catch (IOException e) {
        error = error == null ? Outcomes.of(e) + ": " + e.getMessage() : error;
      }
    }
    return new BurstSent(count, full, Clock.msSince(start), error);
  }

  /**
   * {@code udp.drain H}: reads every datagram already queued on the socket, without waiting for
   * more, and answers how many there were and their total size.
   */
  Drained udpDrain(UdpDrain r) throws IOException {
    DatagramChannel channel = handles.get(r.client(), DatagramChannel.class);
    ByteBuffer buffer = ByteBuffer.allocate(65_535);
    int count = 0;
    long bytes = 0;
    while (true) {
      buffer.clear();
      if ((channel.isConnected() ? readConnected(channel, buffer) : channel.receive(buffer) != null)) {
        count++;
        bytes += buffer.position();
      } else {
        return new Drained(count, bytes);
      }
    }
  }

  private static boolean readConnected(DatagramChannel channel, ByteBuffer buffer) throws IOException {
    try {
      return channel.read(buffer) > 0 || buffer.position() > 0;
    } catch (java.net.PortUnreachableException e) {
      return false; // an ICMP error is not a datagram
    }
  }

  /**
   * {@code tcp.burst CLIENTS COUNT BASE64 TIMEOUT_MS}: the TCP counterpart of a burst to a paused
   * server. The probe listens on an ephemeral loopback port, CLIENTS connections each write the
   * message COUNT times while the accepted side reads nothing (the reader is paused, as a stopped
   * server would be); once the writers are done (or held back by flow control until half the
   * window), it reads the accepted sides until every byte arrived or the window ended.
   *
   * <p>Answers {@code sent} (bytes written), {@code queuedWhilePaused} (the readers' Recv-Q,
   * summed, before the first read: what the kernel kept for them) and {@code received}.
   */
  TcpBurstDone tcpBurst(TcpBurst r) throws IOException {
    int clients = r.clients();
    int count = r.count();
    byte[] message = r.message();
    long timeoutMs = r.timeoutMs();
    long start = System.nanoTime();
    List<Socket> writers = new ArrayList<>();
    List<Socket> readers = new ArrayList<>();
    try (ServerSocket server = new ServerSocket(0, clients, InetAddress.getByName(LOOPBACK))) {
      for (int i = 0; i < clients; i++) {
        Socket writer = new Socket();
        writer.setTcpNoDelay(true); // each message its own segment, as each datagram is
        writers.add(writer);
        writer.connect(server.getLocalSocketAddress(), (int) timeoutMs);
        server.setSoTimeout((int) timeoutMs);
        readers.add(server.accept());
      }
      AtomicLong sent = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (Socket writer : writers) {
        threads.add(daemon(() -> writeAll(writer, message, count, sent)));
      }
      boolean writersDone = join(threads, start, timeoutMs / 2);
      long queued = awaitQueued(server.getLocalPort(), sent.get(), start, timeoutMs / 2);
      long received = 0;
      for (Socket reader : readers) {
        received += readAll(reader, (long) count * message.length, start, timeoutMs);
      }
      join(threads, start, timeoutMs);
      return new TcpBurstDone(Outcome.SENT, (long) clients * count * message.length, sent.get(), writersDone, queued,
          received, Clock.msSince(start), null);
    } catch (SocketTimeoutException e) {
      return new TcpBurstDone(Outcome.TIMEOUT, (long) clients * count * message.length, 0, false, 0, 0,
          Clock.msSince(start), e.getMessage());
    } finally {
      writers.forEach(BurstCommands::closeQuietly);
      readers.forEach(BurstCommands::closeQuietly);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the descriptor is released even when close() throws
    }
  }

  private static void writeAll(Socket writer, byte[] message, int count, AtomicLong sent) {
    try {
      OutputStream out = writer.getOutputStream();
      for (int i = 0; i < count; i++) {
        out.write(message);
        sent.addAndGet(message.length);
      }
      out.flush();
    } catch (IOException e) {
      // the reader side was closed at the end of the window: what was sent is counted
    }
  }

  private static long readAll(Socket reader, long expected, long start, long timeoutMs) throws IOException {
    InputStream in = reader.getInputStream();
    byte[] buffer = new byte[16_384];
    long got = 0;
    while (got < expected) {
      long left = timeoutMs - Clock.msSince(start);
      if (left <= 0) {
        break;
      }
      reader.setSoTimeout((int) left);
      int n;
      try {
        n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - got));
      } catch (SocketTimeoutException e) {
        break;
      }
      if (n < 0) {
        break;
      }
      got += n;
    }
    return got;
  }

  /**
   * Waits, polling, until the accepted sides of connections to {@code port} hold {@code bytes}
   * unread (what was written has all arrived), or until {@code untilMs}; answers what they hold.
   */
  private static long awaitQueued(int port, long bytes, long start, long untilMs) throws IOException {
    while (true) {
      long queued = queuedFor(port);
      if (queued >= bytes || Clock.msSince(start) >= untilMs) {
        return queued;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
  }

  /** The Recv-Q of the accepted sides of connections to {@code port}, summed. */
  private static long queuedFor(int port) throws IOException {
    long queued = 0;
    for (SocketRow socket : ProcNetSockets.read(Map.of())) {
      if (socket.proto() == Protocol.TCP && socket.localPort() == port && socket.state().equals("ESTABLISHED")) {
        queued += socket.recvQ();
      }
    }
    return queued;
  }

  private static boolean join(List<Thread> threads, long start, long untilMs) {
    for (Thread thread : threads) {
      long left = untilMs - Clock.msSince(start);
      try {
        if (left > 0) {
          thread.join(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "burst-writer");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
