package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.Protocol;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TIME_WAIT sockets left by earlier specs are left out of later tables, until a new one comes. */
class ResidueTest {
  private static SocketRow socket(String state, int localPort, long timerMs) {
    return new SocketRow(Protocol.TCP, "ipv4", state, "127.0.0.1", localPort, "127.0.0.1", 12800, 0, 0, 0, 0, timerMs,
        List.of());
  }

  private static SocketRow timeWait(int localPort, long timerMs) {
    return socket("TIME_WAIT", localPort, timerMs);
  }

  @Test
  void aRecordedTimeWaitIsLeftOverAndOtherSocketsAreNot() {
    Residue residue = new Residue();
    residue.record(List.of(timeWait(40000, 59_000)));
    assertThat(residue.isLeftOver(timeWait(40000, 58_500))).isTrue();
    assertThat(residue.isLeftOver(timeWait(40001, 58_500))).isFalse();
    assertThat(residue.isLeftOver(socket("ESTABLISHED", 40000, 0))).isFalse();
  }

  @Test
  void aNewTimeWaitOnTheSameAddressesShows() {
    Residue residue = new Residue();
    residue.record(List.of(timeWait(40000, 20_000)));
    assertThat(residue.isLeftOver(timeWait(40000, 60_000))).as("a fresh 60 s TIME_WAIT").isFalse();
  }
}
