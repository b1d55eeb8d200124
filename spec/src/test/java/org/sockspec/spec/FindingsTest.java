package org.sockspec.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.Connect;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.bench.TcpBurst;
import org.sockspec.spec.assertions.AcceptQueue;
import org.sockspec.spec.assertions.CounterChange;
import org.sockspec.spec.assertions.SpecAssertions;
import org.sockspec.spec.assertions.UdpLoss;

/** The findings INFO specs report, and the verdicts they give, from made-up measurements. */
class FindingsTest {
  private static final CounterChange ONE_OVERFLOW = new CounterChange("TcpExt", "ListenOverflows", 0, 1, "meanwhile");

  @Test
  void aFullAcceptQueueReportsItsCapacityAndThePendingConnect() {
    AcceptQueue queue = new AcceptQueue(2, null, new Connect(Outcome.TIMEOUT, 503, 500, -1, null), 3, ONE_OVERFLOW);
    assertThat(queue).leftAConnectPending();
    assertThat(queue.describe()).startsWith("capacity 2: 2 connections completed and waited, not accepted")
        .contains("still pending after 503 ms").endsWith("(the kernel dropped its SYN)");
  }

  @Test
  void aServerThatAcceptsOrRefusesLeavesNoConnectPending() {
    assertThatThrownBy(() -> assertThat(new AcceptQueue(1, "Q1's connection, held by PID 33 (java)", null, 1,
        ONE_OVERFLOW)).leftAConnectPending())
        .hasMessageContaining("but the server accepted one (Q1's connection, held by PID 33 (java))");
    assertThatThrownBy(() -> assertThat(new AcceptQueue(2, null, new Connect(Outcome.REFUSED, 1, 500, -1, null), 3,
        ONE_OVERFLOW)).leftAConnectPending())
        .hasMessageContaining("to stay pending (neither accepted nor refused) but it was refused in 1 ms");
    assertThatThrownBy(() -> assertThat(new AcceptQueue(16, null, null, 16, ONE_OVERFLOW)).leftAConnectPending())
        .hasMessageContaining("all 16 further connects completed, and none was accepted");
  }

  @Test
  void lossIsAccountedForWhenTheCounterMatchesTheMissingAnswers() {
    TcpBurst whole = new TcpBurst(3, 100, 30_000, 30_000, true, 30_000, 30_000, 12);
    assertThat(new UdpLoss(300, 212_992, 44, 256, 44, whole)).lostExactlyWhatTheKernelCounted().butTcpLostNothing();
    assertThatThrownBy(() -> assertThat(new UdpLoss(300, 212_992, 44, 200, 44, whole)).lostExactlyWhatTheKernelCounted())
        .hasMessageContaining("(300 sent - 44 dropped = 256) but it answered 200: 100 missing");
    assertThatThrownBy(() -> assertThat(new UdpLoss(300, 249_600, 0, 300, 0, whole)).lostExactlyWhatTheKernelCounted())
        .hasMessageContaining("but the kernel dropped none");
    TcpBurst cut = new TcpBurst(3, 100, 30_000, 30_000, true, 30_000, 29_000, 12);
    assertThatThrownBy(() -> assertThat(new UdpLoss(300, 212_992, 44, 256, 44, cut)).butTcpLostNothing())
        .hasMessageContaining("29000 bytes read once it resumed");
  }

  @Test
  void aCounterThatDidNotMoveSaysWhatItCounts() {
    assertThatThrownBy(() -> assertThat(new CounterChange("Udp", "NoPorts", 7, 7, "after A's one datagram"))
        .grewBy(1, "datagrams that arrived for a port no socket is bound to"))
        .hasMessage("Expecting the namespace's Udp NoPorts counter (datagrams that arrived for a port no socket is "
            + "bound to) to grow by 1 after A's one datagram but it grew by 0 (7 -> 7)");
  }

  @Test
  void answersAreJudgedWithoutTheirExactBytes() {
    org.sockspec.bench.Reply nothing = reply(Outcome.TIMEOUT, new byte[0]);
    assertThatThrownBy(() -> SpecAssertions.assertThatAnswer(nothing).as("client A's end")
        .explainedBy(() -> "The server sent no datagram at all.").isAnswered())
        .hasMessage("Expecting client A's end to be answered but got nothing after 3000 ms (window 3000 ms). "
            + "The server sent no datagram at all.");
    SpecAssertions.assertThatAnswer(reply(Outcome.DATA, new byte[] {'M'})).isAnswered();
    SpecAssertions.assertThatAnswer(reply(Outcome.RESET, new byte[0])).isServedOrReset().isClosedByPeer();
  }

  private static org.sockspec.bench.Reply reply(Outcome outcome, byte[] bytes) {
    return new org.sockspec.bench.Reply(outcome, bytes, 3000, Duration.ofMillis(3000), -1);
  }
}
