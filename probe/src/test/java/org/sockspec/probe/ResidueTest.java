package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TIME_WAIT sockets left by earlier specs are left out of later tables, until a new one comes. */
class ResidueTest {
  private static Json timeWait(int localPort, long timerMs) {
    return Json.object().put("proto", "tcp").put("state", "TIME_WAIT").put("localAddress", "127.0.0.1")
        .put("localPort", localPort).put("remoteAddress", "127.0.0.1").put("remotePort", 12800)
        .put("timerMs", timerMs);
  }

  @Test
  void aRecordedTimeWaitIsLeftOverAndOtherSocketsAreNot() {
    Residue residue = new Residue();
    residue.record(List.of(timeWait(40000, 59_000)));
    assertThat(residue.isLeftOver(timeWait(40000, 58_500))).isTrue();
    assertThat(residue.isLeftOver(timeWait(40001, 58_500))).isFalse();
    Json established = Json.object().put("proto", "tcp").put("state", "ESTABLISHED").put("localAddress", "127.0.0.1")
        .put("localPort", 40000).put("remoteAddress", "127.0.0.1").put("remotePort", 12800).put("timerMs", 0L);
    assertThat(residue.isLeftOver(established)).isFalse();
  }

  @Test
  void aNewTimeWaitOnTheSameAddressesShows() {
    Residue residue = new Residue();
    residue.record(List.of(timeWait(40000, 20_000)));
    assertThat(residue.isLeftOver(timeWait(40000, 60_000))).as("a fresh 60 s TIME_WAIT").isFalse();
  }
}
