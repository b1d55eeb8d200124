package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;

/** A window counted as the program's own time, on a clock the test moves. */
class OwnTimeTest {
  private static final Duration WINDOW = Duration.ofMillis(1000);
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final AtomicReference<MachineWait> probeSays = new AtomicReference<>(MachineWait.NONE);
  private final OwnTime own = new OwnTime(nanos.get(), WINDOW, probeSays::get, nanos::get);

  private void passMs(long ms) {
    nanos.addAndGet(ms * 1_000_000);
  }

  @Test
  void withinTheWindowTheProbeIsNotAsked() {
    probeSays.set(new MachineWait(400, 0, false));
    passMs(300);
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(700));
    assertThat(own.said()).isEmpty();
  }

  @Test
  void whatTheKernelCountedIsAddedUpToOneWindowMore() {
    passMs(1000);
    probeSays.set(new MachineWait(300, 200, false));
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(500));
    passMs(1000);
    probeSays.set(new MachineWait(5000, 0, false));
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ZERO); // 1000 + at most 1000 more
    assertThat(own.said()).isEqualTo(" of its own time (since it started, the machine kept it waiting 5000 ms for a CPU,"
        + " which is not counted)");
  }

  @Test
  void aWaitGoingOnIsCountedWhileSeenAndTheKernelsLaterCountIsNotAddedToIt() {
    passMs(1000);
    probeSays.set(new MachineWait(10, 0, true)); // in state D since before the window ran out
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(10));
    passMs(600);
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(10)); // held 600 ms of the 600 that passed
    assertThat(own.said()).contains("10 ms for a CPU and 600 ms seen in uninterruptible sleep (state D),");
    passMs(100);
    probeSays.set(new MachineWait(10, 650, false)); // the wait ended; the kernel counted it
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(660 + 1000 - 1700));
    assertThat(own.said()).contains("waiting 10 ms for a CPU and 650 ms for the disk,");
  }

  @Test
  void aProgramHeldForeverIsLookedAtAgainAndGainsOneWindowMoreAtMost() {
    probeSays.set(new MachineWait(0, 0, true));
    passMs(1000);
    assertThat(own.leftAfterAsking()).isEqualTo(Duration.ofMillis(200)); // nothing counted yet, but held: look again
    for (int i = 0; i < 100 && own.leftAfterAsking().compareTo(Duration.ZERO) > 0; i++) {
      passMs(250);
    }
    assertThat(nanos.get() - 5_000_000_000L).isEqualTo(2 * WINDOW.toNanos());
    assertThat(own.leftAfterAsking()).isLessThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void aProbeThatCannotTellLeavesTheWindowAsItIs() {
    OwnTime blind = new OwnTime(nanos.get(), WINDOW, () -> {
      throw new IllegalStateException("probe gone");
    }, nanos::get);
    passMs(1000);
    assertThat(blind.leftAfterAsking()).isEqualTo(Duration.ZERO);
  }
}
