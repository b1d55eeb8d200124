package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kernel's counts of what a busy machine kept a thread waiting, read from its proc files. */
class MachineWaitTest {
  @Test
  void theRunQueueWaitIsTheSecondFieldOfSchedstat() {
    assertThat(ProcessTable.runQueueNanos("38947798 21536577 179\n")).isEqualTo(21_536_577L);
  }

  @Test
  void theBlockIoDelayIsField42EvenWhenTheCommandHoldsSpacesAndParentheses() {
    // A real line's shape: pid, (comm), then state and 49 more fields; field 42 is 7 here.
    StringBuilder rest = new StringBuilder("S");
    for (int field = 4; field <= 52; field++) {
      rest.append(' ').append(field == 42 ? 7 : field);
    }
    assertThat(ProcessTable.blockIoTicks("1234 (python3) " + rest)).isEqualTo(7);
    assertThat(ProcessTable.blockIoTicks("1234 (a) b (c)) " + rest)).isEqualTo(7);
  }

  @Test
  void aThreadInUninterruptibleSleepIsStateD() {
    assertThat(ProcessTable.uninterruptible("90 (python3) D 1 90 90 0 -1 4194560")).isTrue();
    assertThat(ProcessTable.uninterruptible("90 (a) D (b)) S 1 90 90 0 -1 4194560")).isFalse();
    assertThat(ProcessTable.uninterruptible("90 (python3) R 1 90 90 0 -1 4194560")).isFalse();
  }
}
