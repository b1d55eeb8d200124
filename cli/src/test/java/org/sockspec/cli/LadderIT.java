package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.capture.Packet;
import org.sockspec.bench.capture.Pcap;

/**
 * What went over the wire, end to end: {@code check --capture DIR} on the handout's programs, in
 * containers; each spec's ladder in the JSON report says what the spec is about, and each capture
 * file, read back with a pcap reader, holds those very packets.
 */
class LadderIT {
  private static final Path HANDOUT = Path.of("..", "impl", "src", "test", "resources", "handout");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private JsonNode check(String program, String kind, String only, Path captures) throws Exception {
    PackagedCommand.Run run = PackagedCommand.run(dir, "check", HANDOUT.resolve(program).toString(), "--as", kind,
        "--only", only, "--capture", captures.toString(), "--format", "json", "-q");
    assertThat(run.err()).as("standard error").isEmpty();
    return JSON.readTree(run.out());
  }

  private static JsonNode result(JsonNode report, String id) {
    for (JsonNode result : report.path("results")) {
      if (result.path("id").asText().equals(id)) {
        return result;
      }
    }
    throw new AssertionError("no result for " + id + " in " + report);
  }

  /** The spec's ladder, and its capture file read back, after checking the file is the one the report names. */
  private static List<Packet> capture(JsonNode result, Path captures) throws Exception {
    Path file = captures.resolve(result.path("id").asText() + ".pcap");
    assertThat(result.path("evidence").path("capture").asText()).isEqualTo(file.toAbsolutePath().toString());
    return Pcap.read(Files.readAllBytes(file));
  }

  @Test
  void tcpServerSpecsShowTheRefusalAndTheUnansweredSecondClient() throws Exception {
    Path captures = dir.resolve("tcp");
    JsonNode report = check("srv_tcp.py", "tcp", "tcp.refused-without-server,tcp.second-client-waits", captures);

    JsonNode refused = result(report, "tcp.refused-without-server");
    assertThat(refused.path("status").asText()).isEqualTo("passed");
    assertThat(refused.path("evidence").path("ladder").asText())
        .containsPattern("A:\\d+ -> server:12800 +SYN\\n")
        .containsPattern("server:12800 -> A:\\d+ +RST-ACK")
        .contains("note: A's SYN was answered with a reset: the connect was refused");
    List<Packet> packets = capture(refused, captures);
    assertThat(packets).hasSize(2);
    assertThat(packets.get(0).has(Packet.TcpFlag.SYN)).isTrue();
    assertThat(packets.get(0).destinationPort()).isEqualTo(12800);
    assertThat(packets.get(1).has(Packet.TcpFlag.RST)).isTrue();

    JsonNode waits = result(report, "tcp.second-client-waits");
    assertThat(waits.path("status").asText()).isEqualTo("passed");
    assertThat(waits.path("evidence").path("ladder").asText())
        .containsPattern("B:\\d+ -> server:12800 +connects \\(SYN, SYN-ACK, ACK\\)")
        .containsPattern("B:\\d+ -> server:12800 +PSH-ACK 6 bytes b'I am B'")
        .containsPattern("server:12800 -> B:\\d+ +ACK\\n")
        .contains("note: B's 6 bytes were acknowledged by the other side's kernel (ACK) and never answered");
    assertThat(capture(waits, captures)).anyMatch(p -> p.payloadLength() == 6 && new String(p.payload()).equals("I am B"));
  }

  @Test
  void udpServerSpecsShowThePortUnreachableAndTheWholeLongDatagram() throws Exception {
    Path captures = dir.resolve("udp");
    JsonNode report = check("srv_udp.py", "udp", "udp.send-without-server,udp.truncates-to-50", captures);

    JsonNode unanswered = result(report, "udp.send-without-server");
    assertThat(unanswered.path("evidence").path("ladder").asText())
        .containsPattern("A:\\d+ -> server:12800 +UDP 5 bytes b'hello'")
        .containsPattern("\\(kernel\\) -> A:\\d+ +ICMP port unreachable: nothing bound to UDP :12800");
    assertThat(capture(unanswered, captures)).anyMatch(Packet::isPortUnreachable);

    JsonNode truncated = result(report, "udp.truncates-to-50");
    assertThat(truncated.path("status").asText()).isEqualTo("passed");
    assertThat(truncated.path("evidence").path("ladder").asText())
        .containsPattern("A:\\d+ -> server:12800 +UDP 1039 bytes b'Sometimes an application'\\.\\.\\.")
        .contains("note: the long text crossed the wire whole, 1039 bytes in one datagram; the server printed that "
            + "it received 50 of them");
    assertThat(capture(truncated, captures)).anyMatch(p -> p.transport() == Packet.Transport.UDP
        && p.destinationPort() == 12800 && p.payloadLength() == 1039);
  }

  @Test
  void aTcpClientWithNoServerShowsItsConnectRefused() throws Exception {
    Path captures = dir.resolve("client");
    JsonNode report = check("client_tcp.py", "client-tcp", "client.tcp.refused", captures);

    JsonNode refused = result(report, "client.tcp.refused");
    assertThat(refused.path("status").asText()).isEqualTo("passed");
    assertThat(refused.path("evidence").path("ladder").asText())
        .containsPattern("client:\\d+ -> server:12800 +SYN\\n")
        .containsPattern("server:12800 -> client:\\d+ +RST-ACK")
        .contains("note: the client's SYN was answered with a reset");
    assertThat(capture(refused, captures)).anyMatch(p -> p.has(Packet.TcpFlag.RST));
  }
}
