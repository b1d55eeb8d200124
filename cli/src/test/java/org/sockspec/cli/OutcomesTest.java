package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.sockspec.bench.Evidence;
import org.sockspec.bench.Kind;
import org.sockspec.bench.internal.EngineUnavailableException;
import org.sockspec.bench.internal.KitException;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecFailure;
import org.sockspec.spec.SpecInfo;

class OutcomesTest {
  private static final SpecInfo SPEC = new SpecInfo("tcp.ack", Level.MUST, "1.1", List.of(Kind.TCP), "answers",
      "send the answer", OutcomesTest.class, "answers");

  @Test
  void aSpecFailureIsTheProgramsFailureWithItsHeadlineAndEvidence() {
    Evidence evidence = new Evidence().put("transcript", "0 ms  start").put("sockets", "(none)");
    Outcomes.Outcome outcome = Outcomes.of(new SpecFailure(SPEC, "Expecting a but got b", evidence, null));
    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.message()).isEqualTo("Expecting a but got b");
    assertThat(outcome.evidence()).containsExactly(
        java.util.Map.entry("transcript", "0 ms  start"), java.util.Map.entry("sockets", "(none)"));
  }

  @Test
  void aKitExceptionIsAnErrorNeverAFailure() {
    Outcomes.Outcome outcome = Outcomes.of(new RuntimeException("wrapped", new KitException("the probe is gone")));
    assertThat(outcome.status()).isEqualTo(Status.ERROR);
    assertThat(outcome.message()).isEqualTo("kit error: the probe is gone");
  }

  @Test
  void anEngineProblemIsAnErrorAndIsRecognised() {
    EngineUnavailableException engine = new EngineUnavailableException("start dockerd", null);
    assertThat(Outcomes.of(engine).status()).isEqualTo(Status.ERROR);
    assertThat(Outcomes.engineProblem(new IllegalStateException("x", engine))).containsSame(engine);
  }

  @Test
  void anAbortedSpecIsSkipped() {
    assertThat(Outcomes.of(new TestAbortedException("needs python")).status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void aPlainAssertionIsAFailure() {
    assertThat(Outcomes.of(new AssertionError("expected 1")).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void anUnexpectedThrowableIsAnErrorNamedWithoutAStackTrace() {
    Outcomes.Outcome outcome = Outcomes.of(new NoClassDefFoundError("org/assertj/core/api/AbstractAssert"));
    assertThat(outcome.status()).isEqualTo(Status.ERROR);
    assertThat(outcome.message()).isEqualTo("kit error: NoClassDefFoundError: org/assertj/core/api/AbstractAssert");
  }
}
