package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The agent's requests against real loopback sockets of this machine (no container needed). */
class ProbeAgentTest {
  private final ProbeAgent agent = new ProbeAgent();

  @Test
  void connectToAClosedPortIsRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(agent.answer("1 tcp.connect a " + port + " 1000")).contains("\"outcome\":\"refused\"");
  }

  @Test
  void sendsAndReceivesUntilTheExpectedLength() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000")).contains("connected");
      try (Socket peer = server.accept()) {
        agent.answer("2 tcp.send a " + b64("hello"));
        byte[] got = peer.getInputStream().readNBytes(5);
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("hello");
        OutputStream out = peer.getOutputStream();
        out.write("Message ".getBytes(StandardCharsets.US_ASCII)); // an answer in two pieces
        out.flush();
        out.write("received".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(agent.answer("3 tcp.recv a 1024 2000 16"))
            .contains("\"outcome\":\"data\"").contains("\"data\":\"" + b64("Message received") + "\"");
      }
      assertThat(agent.answer("4 tcp.recv a 1024 2000 1")).contains("\"outcome\":\"eof\"");
    }
  }

  @Test
  void aReceiveWithNothingToReadTimesOutAfterItsWindow() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000");
      try (Socket peer = server.accept(); InputStream ignored = peer.getInputStream()) {
        String answer = agent.answer("2 tcp.recv a 1024 150 1");
        assertThat(answer).contains("\"outcome\":\"timeout\"");
        long ms = Long.parseLong(answer.replaceAll(".*\"ms\":(\\d+).*", "$1"));
        assertThat(ms).isBetween(150L, 2_000L);
      }
    }
  }

  @Test
  void aReceiveStopsAtOnceWhenWhatCameCannotBecomeTheExpectedAnswer() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000");
      try (Socket peer = server.accept()) {
        peer.getOutputStream().write("I am A".getBytes(StandardCharsets.US_ASCII)); // an echo, not the answer
        peer.getOutputStream().flush();
        String answer = agent.answer("2 tcp.recv a 65536 3000 16 " + b64("Message received"));
        assertThat(answer).contains("\"outcome\":\"data\"").contains(b64("I am A"));
        assertThat(Long.parseLong(answer.replaceAll(".*\"ms\":(\\d+).*", "$1"))).isLessThan(1_000L);
      }
    }
  }

  @Test
  void aReceiveOfAPrefixOfTheExpectedAnswerWaitsForTheRest() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000");
      try (Socket peer = server.accept()) {
        peer.getOutputStream().write("Message".getBytes(StandardCharsets.US_ASCII));
        peer.getOutputStream().flush();
        String answer = agent.answer("2 tcp.recv a 65536 300 16 " + b64("Message received"));
        assertThat(answer).contains("\"outcome\":\"timeout\"").contains(b64("Message"));
      }
    }
  }

  @Test
  void closingAfterThePeerClosedResetsSoThePeerLeavesNoTimeWait() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000");
      Socket peer = server.accept();
      peer.close(); // the peer closes first
      assertThat(agent.answer("2 tcp.recv a 1024 2000 1")).contains("\"outcome\":\"eof\"");
      assertThat(agent.answer("3 tcp.close a")).contains("\"reset\":true");
    }
  }

  @Test
  void closingFirstIsAnOrderlyClose() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      agent.answer("1 tcp.connect a " + server.getLocalPort() + " 1000");
      try (Socket peer = server.accept()) {
        assertThat(agent.answer("2 tcp.close a")).isEqualTo("{\"reset\":false}");
        assertThat(peer.getInputStream().read()).as("the peer reads end of stream").isEqualTo(-1);
      }
    }
  }

  @Test
  void awaitsAListenerOnAPortAndNothingElse() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      assertThat(agent.answer("1 await.socket tcp " + port + " LISTEN 1000")).contains("\"found\":true");
      assertThat(agent.answer("2 await.socket udp " + port + " ANY 50")).contains("\"found\":false");
      assertThat(agent.answer("3 await.socket tcp " + port + " ESTABLISHED 50")).contains("\"found\":false");
    }
  }

  @Test
  void udpSendReturnsTheByteCount() {
    agent.answer("1 udp.open u");
    assertThat(agent.answer("2 udp.send u 9 " + b64("hello"))).contains("\"sent\":5");
  }

  @Test
  void badRequestsAreAnsweredWithAnErrorNotACrash() {
    assertThat(agent.answer("1 no.such.verb")).contains("\"outcome\":\"error\"").contains("unknown verb");
    assertThat(agent.answer("2 tcp.send nobody aGk=")).contains("no open handle named nobody");
    assertThat(agent.answer("garbage")).contains("\"outcome\":\"error\"");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
