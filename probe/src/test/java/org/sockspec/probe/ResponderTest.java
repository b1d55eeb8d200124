package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.ProbeAnswer.ServedEvents;

/** The kit's own server keeps a bounded log of what a client sends it: past the bound it only counts. */
class ResponderTest {
  @Test
  void aClientThatFloodsTheServerGetsItsFirstEventsKeptAndTheRestCounted() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (Responder server = Responder.tcp(port, AnswerRule.HANDOUT, Framing.RAW, Responder.Fate.NONE);
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      OutputStream out = client.getOutputStream();
      byte[] chunk = new byte[64 << 10];
      for (int i = 0; i < 48; i++) { // 3 MB: more events and bytes than the log keeps
        out.write(chunk);
      }
      client.shutdownOutput();
      client.getInputStream().transferTo(OutputStream.nullOutputStream()); // the answers, until the server closes
      ServedEvents log = server.transcript();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!log.events().stream().anyMatch(e -> e.event().equals("eof")) && log.droppedEvents() == 0
          && System.nanoTime() < deadline) {
        log = server.transcript();
      }
      long kept = log.events().stream().mapToLong(e -> e.data() == null ? 0 : e.data().length).sum();
      assertThat(kept).isLessThanOrEqualTo(Responder.MAX_BYTES);
      assertThat(log.events()).hasSizeLessThanOrEqualTo(Responder.MAX_EVENTS);
      assertThat(log.droppedBytes()).isPositive();
      assertThat(kept + log.droppedBytes()).isEqualTo(48L * chunk.length);
    }
  }

  /** A scenario's lossy server: the datagrams it was told to drop get no answer, every other one its answer. */
  @Test
  void theDatagramsNamedToBeDroppedAreNotAnswered() throws Exception {
    int port;
    try (java.net.DatagramSocket free = new java.net.DatagramSocket(0)) {
      port = free.getLocalPort();
    }
    try (Responder server = Responder.udp(port, AnswerRule.parse("upper"), Framing.RAW, Responder.Fate.of("2,4", 0));
        java.net.DatagramSocket client = new java.net.DatagramSocket()) {
      client.setSoTimeout(300);
      java.util.List<String> answers = new java.util.ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        byte[] ping = ("ping " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        client.send(new java.net.DatagramPacket(ping, ping.length, new InetSocketAddress("127.0.0.1", port)));
        java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[100], 100);
        try {
          client.receive(reply);
          answers.add(new String(reply.getData(), 0, reply.getLength(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.net.SocketTimeoutException lost) {
          answers.add("-");
        }
      }
      assertThat(answers).containsExactly("PING 1", "-", "PING 3", "-", "PING 5");
      assertThat(server.transcript().events()).hasSize(5);
    }
  }
}
