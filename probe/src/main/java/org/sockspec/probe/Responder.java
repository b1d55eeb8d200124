package org.sockspec.probe;

import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.ProbeAnswer.ServedEvent;
import org.sockspec.probe.protocol.ProbeAnswer.ServedEvents;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's own lab server, run inside the namespace when the program under test is a client: it
 * answers every message by the lab's rule, its messages cut as the lab frames them (one read or one
 * datagram a message, or a line), as the lab's servers do, and keeps a transcript of what it
 * received so a spec can show exactly what the client sent (each message, without a line's newline).
 *
 * <p>What a program sends it is bounded: the transcript keeps {@value #MAX_EVENTS} events and
 * {@value #MAX_BYTES} bytes of their data, then only counts; at most {@value #MAX_CONNECTIONS}
 * connections are served at once (a further one is reset at once, and counted). A client that
 * floods the kit's server gets a verdict on what it sent, never the probe's memory.
 */
final class Responder implements Closeable {
  static final int MAX_EVENTS = 2_000;
  static final int MAX_BYTES = 1 << 20;
  static final int MAX_CONNECTIONS = 64;
  private final List<ServedEvent> transcript = new ArrayList<>();
  private long keptBytes;
  private long droppedEvents;
  private long droppedBytes;
  private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Closeable socket;
  private final Fate fate;
  /** Messages received so far, over every connection: the number a message's fate is decided by. */
  private final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

  private Responder(Closeable socket, Fate fate) {
    this.socket = socket;
    this.fate = fate;
  }

  /**
   * What becomes of each message: those numbered in {@code dropped} (1 the first) are not answered,
   * as a lossy network would lose them; every answer waits {@code delayMs} first. A scenario decides
   * both, so every run of it drops the same messages.
   */
  record Fate(java.util.Set<Integer> dropped, int delayMs) {
    static final Fate NONE = new Fate(java.util.Set.of(), 0);

    static Fate of(String drop, Integer delayMs) {
      java.util.Set<Integer> dropped = new java.util.HashSet<>();
      if (drop != null && !drop.isBlank()) {
        for (String number : drop.split(",")) {
          dropped.add(Integer.parseInt(number.trim()));
        }
      }
      return new Fate(java.util.Set.copyOf(dropped), delayMs == null ? 0 : Math.max(0, Math.min(delayMs, 60_000)));
    }
  }

  /** The answer due to the next message received, if it is answered: the rule's, unless the fate drops it. */
  private java.util.Optional<byte[]> answerDue(AnswerRule rule, Framing framing, byte[] message) {
    int number = received.incrementAndGet();
    if (fate.dropped().contains(number)) {
      return java.util.Optional.empty();
    }
    if (fate.delayMs() > 0) {
      try {
        Thread.sleep(fate.delayMs()); // the delay a scenario asked for: the network's, not a wait for a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return java.util.Optional.empty();
      }
    }
    return rule.answerTo(message).map(framing::frame);
  }

  /** A TCP server: every connection served on its own thread. */
  static Responder tcp(int port, AnswerRule rule, Framing framing, Fate fate) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port), 50);
    Responder responder = new Responder(server, fate);
    daemon(() -> {
      int connection = 0;
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          int number = ++connection;
          if (responder.accepted.stream().filter(open -> !open.isClosed()).count() >= MAX_CONNECTIONS) {
            responder.record(number, client.getPort(), "refused", null);
            Handles.abortQuietly(client);
            continue;
          }
          responder.accepted.removeIf(Socket::isClosed);
          responder.accepted.add(client);
          responder.record(number, client.getPort(), "connected", null);
          daemon(() -> responder.serve(number, client, rule, framing));
        } catch (IOException e) {
          return; // closed by the kit
        }
      }
    });
    return responder;
  }

  /** A UDP server: answers each datagram to its sender. */
  static Responder udp(int port, AnswerRule rule, Framing framing, Fate fate) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port));
    Responder responder = new Responder(socket, fate);
    daemon(() -> {
      byte[] buffer = new byte[65_535];
      while (!socket.isClosed()) {
        try {
          DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
          socket.receive(packet);
          byte[] data = framing.unframe(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
          responder.record(0, packet.getPort(), "data", data);
          java.util.Optional<byte[]> answer = responder.answerDue(rule, framing, data);
          if (answer.isPresent()) {
            socket.send(new DatagramPacket(answer.get(), answer.get().length, packet.getSocketAddress()));
          }
        } catch (IOException e) {
          return;
        }
      }
    });
    return responder;
  }

  /** One connection: each read is a message (raw), or each line (line framing), answered by the rule. */
  private void serve(int number, Socket client, AnswerRule rule, Framing framing) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[1024];
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (framing == Framing.RAW) {
          answer(number, client, rule, framing, java.util.Arrays.copyOf(buffer, n));
          continue;
        }
        for (int i = 0; i < n; i++) {
          line.write(buffer[i]);
          if (buffer[i] == '\n') {
            answer(number, client, rule, framing, framing.unframe(line.toByteArray()));
            line.reset();
          } else if (line.size() > MAX_LINE) { // a line without end: kept as it is, the rest counted
            answer(number, client, rule, framing, line.toByteArray());
            line.reset();
          }
        }
      }
      record(number, client.getPort(), "eof", null);
    } catch (IOException e) {
      record(number, client.getPort(), Outcomes.of(e).wire(), null);
    }
  }

  /** The longest line kept whole: a client that never ends its line is not kept in memory whole. */
  private static final int MAX_LINE = 64 << 10;

  private void answer(int number, Socket client, AnswerRule rule, Framing framing, byte[] message) throws IOException {
    record(number, client.getPort(), "data", message);
    java.util.Optional<byte[]> answer = answerDue(rule, framing, message);
    if (answer.isPresent()) {
      client.getOutputStream().write(answer.get());
    }
  }

  private synchronized void record(int connection, int remotePort, String event, byte[] data) {
    int length = data == null ? 0 : data.length;
    if (transcript.size() >= MAX_EVENTS || keptBytes + length > MAX_BYTES) {
      droppedEvents++;
      droppedBytes += length;
      return;
    }
    keptBytes += length;
    transcript.add(new ServedEvent(connection, remotePort, event, System.currentTimeMillis(), data));
  }

  synchronized ServedEvents transcript() {
    return new ServedEvents(List.copyOf(transcript), droppedEvents, droppedBytes);
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "responder");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops serving: the listener closed, and every connection it accepted reset (no TIME_WAIT left). */
  @Override
  public void close() throws IOException {
    socket.close();
    accepted.forEach(Handles::abortQuietly);
  }
}
