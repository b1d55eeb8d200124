package org.sockspec.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sockspec.bench.internal.BenchBreak.ContainerState;

/** Whose fault a broken bench is: the program's whenever it could have caused it. */
class BenchBreakTest {
  private static final ContainerState RUNNING = new ContainerState(true, false, 0);

  @Test
  void aTargetThatEndedIsTheProgramsDoing() {
    assertThat(new BenchBreak(true, new ContainerState(false, false, 137), null).chargedToTheProgram()).get()
        .asString().contains("ended while your program ran (exit code 137)");
  }

  @Test
  void anOutOfMemoryEndSaysSo() {
    assertThat(new BenchBreak(true, new ContainerState(false, true, 137), null).chargedToTheProgram()).get()
        .asString().contains("out-of-memory killer");
  }

  @Test
  void aLostProbeBesideAProgramAtItsLimitsIsTheProgramsDoing() {
    assertThat(new BenchBreak(true, RUNNING, new LimitsHit(0, 5000)).chargedToTheProgram()).get()
        .asString().contains("process limit: 5000 forks were refused");
  }

  @Test
  void aLostProbeBesideAHealthyTargetIsTheKits() {
    assertThat(new BenchBreak(true, RUNNING, new LimitsHit(0, 0)).chargedToTheProgram()).isEmpty();
    assertThat(new BenchBreak(true, RUNNING, null).chargedToTheProgram()).isEmpty();
  }

  @Test
  void anEngineThatDoesNotAnswerIsTheKits() {
    assertThat(new BenchBreak(false, new ContainerState(false, false, 1), null).chargedToTheProgram()).isEmpty();
    assertThat(new BenchBreak(true, null, null).chargedToTheProgram()).isEmpty();
  }
}
