package org.sockspec.bench.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ladder of a capture: what went over the loopback, between named ends, and what it says. */
class LadderTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int PSH = 0x08;
  private static final int ACK = 0x10;
  private static final byte[] NONE = new byte[0];

  private static long at(long ms) {
    return T0 + ms * 1_000_000;
  }

  private static String ladder(byte[] pcap, Map<Integer, String> names) {
    return new Ladder(names, List.of(), 12800, T0, null).draw(Pcap.read(pcap));
  }

  @Test
  void aConnectWithNoServerIsASynAnsweredWithAReset() {
    byte[] pcap = new Frames(256).tcp(at(3), 40000, 12800, SYN, NONE).tcp(at(3), 12800, 40000, RST | ACK, NONE).bytes();
    String ladder = ladder(pcap, Map.of(40000, "A"));
    assertThat(ladder).contains("+0.003 s  A:40000 -> server:12800").contains("SYN\n")
        .contains("server:12800 -> A:40000      RST-ACK")
        .contains("note: A's SYN was answered with a reset: the connect was refused (nothing listened on :12800)");
  }

  @Test
  void aClientWhoseConnectNeverCompletedIsNamedByItsSyn() {
    byte[] pcap = new Frames(256).tcp(at(3), 40000, 12800, SYN, NONE).tcp(at(3), 12800, 40000, RST | ACK, NONE).bytes();
    assertThat(new Ladder(Map.of(), List.of("A"), 12800, T0, null).draw(Pcap.read(pcap))).contains("A:40000 -> server:12800")
        .contains("note: A's SYN was answered with a reset");
  }

  @Test
  void dataTheKernelAcknowledgedAndNobodyAnsweredIsSaid() {
    byte[] fromB = "I am B".getBytes(StandardCharsets.UTF_8);
    byte[] pcap = new Frames(256)
        .tcp(at(10), 40002, 12800, SYN, NONE).tcp(at(10), 12800, 40002, SYN | ACK, NONE)
        .tcp(at(10), 40002, 12800, ACK, NONE)
        .tcp(at(11), 40002, 12800, PSH | ACK, fromB).tcp(at(11), 12800, 40002, ACK, NONE).bytes();
    String ladder = ladder(pcap, Map.of(40002, "B"));
    assertThat(ladder).contains("B:40002 -> server:12800      connects (SYN, SYN-ACK, ACK)")
        .contains("PSH-ACK 6 bytes b'I am B'").contains("server:12800 -> B:40002      ACK")
        .contains("note: B's 6 bytes were acknowledged by the other side's kernel (ACK) and never answered");
    assertThat(ladder.lines().count()).isEqualTo(4);
  }

  @Test
  void aDatagramWithNoServerIsAnsweredByThePortUnreachable() {
    byte[] pcap = new Frames(256).udp(at(5), 40010, 12800, "hello".getBytes(StandardCharsets.UTF_8))
        .portUnreachable(at(5), 40010, 12800).bytes();
    String ladder = ladder(pcap, Map.of(40010, "A"));
    assertThat(ladder).contains("A:40010 -> server:12800      UDP 5 bytes b'hello'")
        .contains("(kernel) -> A:40010          ICMP port unreachable: nothing bound to UDP :12800");
  }

  @Test
  void aLongDatagramShowsItsWholeLengthOnTheWireEvenWhenTheCaptureKeptLess() {
    byte[] text = "Sometimes an application on a network needs to send messages".repeat(17).getBytes(StandardCharsets.UTF_8);
    List<Packet> packets = Pcap.read(new Frames(128).udp(at(1), 40010, 12800, text).bytes());
    assertThat(packets.get(0).payloadLength()).isEqualTo(text.length);
    assertThat(new Ladder(Map.of(40010, "A"), List.of(), 12800, T0, null).draw(packets))
        .contains("UDP " + text.length + " bytes b'Sometimes an application'...");
  }

  @Test
  void aBurstFoldsToOneLineWithItsCount() {
    Frames frames = new Frames(256);
    for (int i = 0; i < 100; i++) {
      frames.udp(at(20 + i / 10), 40010, 12800, "A sends a burst".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(ladder(frames.bytes(), Map.of(40010, "A"))).contains("UDP 15 bytes b'A sends a burst'  x100 in 9 ms")
        .hasLineCount(1);
  }

  @Test
  void aStreamAcknowledgedSegmentBySegmentFoldsToo() {
    Frames frames = new Frames(256);
    byte[] data = "x".repeat(100).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 50; i++) {
      frames.tcp(at(30), 40020, 39000, PSH | ACK, data).tcp(at(30), 39000, 40020, ACK, NONE);
    }
    assertThat(ladder(frames.bytes(), Map.of(40020, "T"))).contains("PSH-ACK 100 bytes b'xxxxxxxxxxxxxxxxxxxxxxxx'..."
        + "  x50 in 0 ms, 49 ACKs back").hasLineCount(3);
  }

  @Test
  void aFileThatIsNotAPcapIsSaidSo() {
    assertThatThrownBy(() -> Pcap.read("not a capture at all, just text".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a pcap file");
    assertThat(new Ladder(Map.of(), List.of(), 12800, T0, null).draw(List.of())).contains("no packet");
  }
}
