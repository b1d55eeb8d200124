package org.sockspec.probe.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request crosses the line as the record it left as. */
class RequestLineTest {
  private static final byte[] ODD = {0, '\n', ' ', (byte) 0xff, '%'};

  private static ProbeRequest roundTrip(ProbeRequest request) {
    return RequestLine.read(new RequestLine("7", request).write()).request();
  }

  @Test
  void argumentsOfEveryTypeComeBackAsTheyWent() {
    ProbeRequest.TcpRecv recv = new ProbeRequest.TcpRecv("A", 65_536, 3000, 16, ODD);
    ProbeRequest.TcpRecv back = (ProbeRequest.TcpRecv) roundTrip(recv);
    assertThat(back.client()).isEqualTo("A");
    assertThat(back.max()).isEqualTo(65_536);
    assertThat(Arrays.equals(back.expected(), ODD)).isTrue();
    assertThat(roundTrip(new ProbeRequest.AwaitSocket(Protocol.UDP, 12800, "ANY", 0)))
        .isEqualTo(new ProbeRequest.AwaitSocket(Protocol.UDP, 12800, "ANY", 0));
    assertThat(roundTrip(new ProbeRequest.ProcSignal(42, "STOP"))).isEqualTo(new ProbeRequest.ProcSignal(42, "STOP"));
    assertThat(roundTrip(new ProbeRequest.NetSockets())).isEqualTo(new ProbeRequest.NetSockets());
  }

  @Test
  void textsWithSpacesNewlinesAndPercentSignsComeBackWhole() {
    for (String text : List.of("my notes.txt", "a%20b", "line\nbreak\r", "%", "", "100% done ")) {
      ProbeRequest.LabPut put = (ProbeRequest.LabPut) roundTrip(new ProbeRequest.LabPut(text, "644",
          text.getBytes(StandardCharsets.UTF_8), null));
      assertThat(put.path()).isEqualTo(text);
      assertThat(new String(put.content(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
  }

  @Test
  void aTrailingOptionalArgumentMayBeLeftOutAndComesBackNull() {
    assertThat(new RequestLine("1", new ProbeRequest.TcpClose("A", null)).write()).isEqualTo("1 tcp.close A");
    assertThat(roundTrip(new ProbeRequest.TcpClose("A", null))).isEqualTo(new ProbeRequest.TcpClose("A", null));
    assertThat(roundTrip(new ProbeRequest.UdpOpen("C", 12800))).isEqualTo(new ProbeRequest.UdpOpen("C", 12800));
    assertThat(((ProbeRequest.TcpRecv) roundTrip(new ProbeRequest.TcpRecv("A", 10, 100, 1, null))).expected()).isNull();
  }

  /** The lab's server as the built-in client specs ask for it (nothing dropped, no delay), and as a scenario's. */
  @Test
  void aServeWithNothingDroppedAndNoDelayComesBack() {
    ProbeRequest.Serve plain = new ProbeRequest.Serve(Protocol.UDP, "server-udp-12800", 12800, "Message received",
        "raw", "", null);
    assertThat(roundTrip(plain)).isEqualTo(plain);
    ProbeRequest.Serve lossy = new ProbeRequest.Serve(Protocol.UDP, "server-udp-12000", 12000, "upper", "raw", "3,7",
        100);
    assertThat(roundTrip(lossy)).isEqualTo(lossy);
  }

  @Test
  void aBadLineSaysWhatIsWrong() {
    assertThatThrownBy(() -> RequestLine.read("1 no.such.verb")).hasMessageContaining("unknown verb no.such.verb");
    assertThatThrownBy(() -> RequestLine.read("1 tcp.connect A")).hasMessageContaining("needs argument 2 (port)");
    assertThatThrownBy(() -> RequestLine.read("1 tcp.connect A x 100")).hasMessageContaining("argument port is not a number: x");
    assertThatThrownBy(() -> RequestLine.read("garbage")).hasMessageContaining("a request is 'ID VERB ARG...'");
  }

  @Test
  void everyVerbNamesItsRecordInDottedLowerCase() {
    assertThat(Verb.TCP_CONNECT.wire()).isEqualTo("tcp.connect");
    assertThat(Verb.SERVE_LOG.wire()).isEqualTo("serve.log");
    assertThat(Verb.SERVE.wire()).isEqualTo("serve");
    assertThat(Arrays.stream(Verb.values()).map(Verb::request).distinct().count())
        .isEqualTo(ProbeRequest.class.getPermittedSubclasses().length).isEqualTo(Verb.values().length);
  }
}
