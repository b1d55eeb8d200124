package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.Evidence;
import org.sockspec.bench.Kind;
import org.sockspec.bench.KitException;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecFailure;
import org.sockspec.spec.SpecInfo;

class EndingsTest {
  private static final SpecInfo SPEC = new SpecInfo("tcp.ack", Level.MUST, "1.1", List.of(Kind.TCP), "answers",
      "send the answer", EndingsTest.class, "answers");
  private static final Optional<String> NO_DEADLINE = Optional.empty();

  @Test
  void aSpecFailureIsTheProgramsFailureWithItsHeadlineCauseAndEvidence() {
    Evidence evidence = new Evidence().put("transcript", "0 ms  start").put("sockets", "(none)");
    Cause cause = new Cause.WrongAnswer("client A", "b'a'", "b'b'", 1);
    Endings.Ending outcome = Endings.of(new SpecFailure(SPEC, "Expecting a but got b", cause, evidence, null),
        NO_DEADLINE);
    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.message()).isEqualTo("Expecting a but got b");
    assertThat(outcome.cause()).isEqualTo(cause);
    assertThat(outcome.evidence()).containsExactly(
        java.util.Map.entry("transcript", "0 ms  start"), java.util.Map.entry("sockets", "(none)"));
  }

  @Test
  void aKitExceptionIsAnErrorNeverAFailure() {
    Endings.Ending outcome = Endings.of(new RuntimeException("wrapped", new KitException("the probe is gone")),
        NO_DEADLINE);
    assertThat(outcome.status()).isEqualTo(Status.ERROR);
    assertThat(outcome.message()).isEqualTo("kit error: the probe is gone");
    assertThat(outcome.cause()).isEqualTo(new Cause.Kit("kit error: the probe is gone"));
  }

  @Test
  void anEngineProblemIsAnErrorAndIsRecognised() {
    EngineUnavailableException engine = new EngineUnavailableException("start dockerd", null);
    assertThat(Endings.of(engine, NO_DEADLINE).status()).isEqualTo(Status.ERROR);
    assertThat(Endings.of(engine, NO_DEADLINE).cause()).isInstanceOf(Cause.Kit.class);
    assertThat(Endings.engineProblem(new IllegalStateException("x", engine))).containsSame(engine);
  }

  @Test
  void theDeadlineRunningOutIsItsOwnCauseWithTheDeadline() {
    Endings.Ending outcome = Endings.of(new TimeoutException("tcpAck() timed out after 60 seconds"),
        Optional.of("60 s"));
    assertThat(outcome.status()).isEqualTo(Status.ERROR);
    assertThat(outcome.cause()).isEqualTo(new Cause.TimedOut("60 s"));
  }

  @Test
  void anAbortedSpecIsSkippedWithoutACause() {
    Endings.Ending outcome = Endings.of(new TestAbortedException("needs python"), NO_DEADLINE);
    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.cause()).isNull();
  }

  @Test
  void aPlainAssertionIsAFailureItsCauseUnexplainedUnlessItHasOne() {
    assertThat(Endings.of(new AssertionError("expected 1"), NO_DEADLINE).cause())
        .isEqualTo(new Cause.Unexplained("AssertionError: expected 1"));
    Cause cause = new Cause.NotClosed("client A", "timeout");
    assertThat(Endings.of(new CausedFailure(cause, "Expecting a close"), NO_DEADLINE).cause()).isEqualTo(cause);
  }

  @Test
  void anUnexpectedThrowableIsAnErrorNamedWithoutAStackTrace() {
    Endings.Ending outcome = Endings.of(new NoClassDefFoundError("org/assertj/core/api/AbstractAssert"), NO_DEADLINE);
    assertThat(outcome.status()).isEqualTo(Status.ERROR);
    assertThat(outcome.message()).isEqualTo("kit error: NoClassDefFoundError: org/assertj/core/api/AbstractAssert");
  }
}
