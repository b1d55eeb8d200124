package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Bursts on this machine's loopback (no container needed). */
class BurstCommandsTest {
  private final ProbeAgent agent = new ProbeAgent();

  @Test
  void aUdpBurstSendsEveryDatagramAndSaysHowManyWentWhole() throws Exception {
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      agent.answer("1 udp.open u");
      String answer = agent.answer("2 udp.burst u " + receiver.getLocalPort() + " 5 " + b64("hello"));
      assertThat(answer).contains("\"count\":5").contains("\"full\":5");
      receiver.setSoTimeout(2_000);
      for (int i = 0; i < 5; i++) {
        DatagramPacket packet = new DatagramPacket(new byte[100], 100);
        receiver.receive(packet);
        assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).isEqualTo("hello");
      }
    }
  }

  @Test
  void drainingReadsWhatIsQueuedWithoutWaitingForMore() throws Exception {
    String opened = agent.answer("1 udp.open u");
    int port = Integer.parseInt(opened.replaceAll(".*\"localPort\":(\\d+).*", "$1"));
    assertThat(agent.answer("2 udp.drain u")).contains("\"count\":0");
    try (DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < 3; i++) {
        sender.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), port));
      }
    }
    // loopback delivers within the send call; the drain then finds all three, and nothing more
    assertThat(agent.answer("3 udp.drain u")).contains("\"count\":3").contains("\"bytes\":9");
    assertThat(agent.answer("4 udp.drain u")).contains("\"count\":0");
  }

  @Test
  void aTcpBurstToAPausedReaderArrivesWhole() {
    String answer = agent.answer("1 tcp.burst 3 100 " + b64("x".repeat(100)) + " 5000");
    assertThat(answer).contains("\"outcome\":\"sent\"").contains("\"expected\":30000").contains("\"sent\":30000")
        .contains("\"received\":30000");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
