package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {
  @Test
  void groupsComeInPairsOfLinesNamesThenValues() {
    java.util.Map<String, java.util.Map<String, Long>> all = new java.util.LinkedHashMap<>();
    Counters.parse(List.of(
        "Udp: InDatagrams NoPorts InErrors RcvbufErrors",
        "Udp: 12 1 44 44",
        "TcpExt: SyncookiesSent ListenOverflows ListenDrops",
        "TcpExt: 0 3 3"), all);
    assertThat(Json.object().put("counters", all).toString())
        .isEqualTo("{\"counters\":" + "{\"Udp\":{\"InDatagrams\":12,\"NoPorts\":1,\"InErrors\":44,\"RcvbufErrors\":44},"
            + "\"TcpExt\":{\"SyncookiesSent\":0,\"ListenOverflows\":3,\"ListenDrops\":3}}}");
  }

  @Test
  void theNamespacesCountersIncludeTheExtendedOnes() throws Exception {
    String all = Json.object().put("counters", Counters.read()).toString();
    assertThat(all).contains("\"Udp\":{").contains("\"NoPorts\":").contains("\"ListenOverflows\":");
  }
}
