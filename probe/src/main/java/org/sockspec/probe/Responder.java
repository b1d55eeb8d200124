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

  private Responder(Closeable socket) {
    this.socket = socket;
  }

  /** A TCP server: every connection served on its own thread. */
  static Responder tcp(int port, AnswerRule rule, Framing framing) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port), 50);
    Responder responder = new Responder(server);
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
  static Responder udp(int port, AnswerRule rule, Framing framing) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port));
    Responder responder = new Responder(socket);
    daemon(() -> {
      byte[] buffer = new byte[65_535];
      while (!socket.isClosed()) {
        try {
          DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
          socket.receive(packet);
          byte[] data = framing.unframe(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
          responder.record(0, packet.getPort(), "data", data);
          java.util.Optional<byte[]> answer = rule.answerTo(data).map(framing::frame);
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
    java.util.Optional<byte[]> answer = rule.answerTo(message).map(framing::frame);
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
