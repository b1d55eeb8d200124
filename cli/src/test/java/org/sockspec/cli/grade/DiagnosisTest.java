package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.LimitEvidence;
import org.sockspec.bench.SandboxLimit;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.Level;

/** Each way a hostile program ends is read as its own verdict, from its result's cause alone. */
class DiagnosisTest {
  private static final Cause NEVER = new Cause.NeverListened(Protocol.TCP, 12800, 15_000);

  private static Diagnosis.Reading read(Status status, Cause cause) {
    // The message says the opposite of the cause: the verdict must come from the cause.
    return Diagnosis.of(new SpecResult("tcp.ack", Level.MUST, "1.1", "", "", status,
        "Expecting the program to listen on TCP port 12800, but it exited with status 137", cause, Map.of(), 1));
  }

  private static Cause limit(LimitEvidence by, SandboxLimit... limits) {
    return new Cause.Limit(limits[0], List.of(limits), by, NEVER);
  }

  @Test
  void limitsAreNamedFromTheirCause() {
    assertThat(read(Status.FAILED, limit(LimitEvidence.KERNEL, SandboxLimit.MEMORY)))
        .isEqualTo(new Diagnosis.Reading(Verdict.LIMIT, "memory limit"));
    assertThat(read(Status.FAILED, limit(LimitEvidence.WATCHDOG, SandboxLimit.PROCESSES)))
        .isEqualTo(new Diagnosis.Reading(Verdict.LIMIT, "process limit"));
    assertThat(read(Status.FAILED, limit(LimitEvidence.KERNEL, SandboxLimit.PROCESSES, SandboxLimit.MEMORY)).reason())
        .isEqualTo("process and memory limits");
    assertThat(read(Status.FAILED, limit(LimitEvidence.PROGRAM_ERROR, SandboxLimit.DISK)).reason())
        .isEqualTo("disk limit (scratch space full)");
    assertThat(read(Status.FAILED, limit(LimitEvidence.OUTPUT_CAP, SandboxLimit.OUTPUT)).reason())
        .isEqualTo("output limit");
    assertThat(read(Status.FAILED, limit(LimitEvidence.KILLED, SandboxLimit.MEMORY)).reason())
        .isEqualTo("memory limit (killed by signal 9)");
  }

  @Test
  void crashesTimeoutsAndFailuresAreToldApart() {
    assertThat(read(Status.FAILED, new Cause.Exited(1, null, "listen on TCP port 12800")))
        .isEqualTo(new Diagnosis.Reading(Verdict.CRASHED, "status 1"));
    assertThat(read(Status.FAILED, Cause.Exited.of(139, "listen on TCP port 12800")))
        .isEqualTo(new Diagnosis.Reading(Verdict.CRASHED, "signal 11"));
    assertThat(read(Status.FAILED, NEVER)).isEqualTo(new Diagnosis.Reading(Verdict.TIMED_OUT, "never listened"));
    assertThat(read(Status.FAILED, new Cause.BenchBroken("the kit's client was killed")))
        .isEqualTo(new Diagnosis.Reading(Verdict.CRASHED, "broke the bench"));
    assertThat(read(Status.ERROR, new Cause.TimedOut("60 s")))
        .isEqualTo(new Diagnosis.Reading(Verdict.TIMED_OUT, "the spec's deadline ran out"));
    assertThat(read(Status.ERROR, new Cause.Kit("kit error: the probe did not answer")).verdict())
        .isEqualTo(Verdict.KIT_ERROR);
    assertThat(read(Status.FAILED, new Cause.NoAnswer("client A", 1000, "timeout", null)).verdict())
        .isEqualTo(Verdict.FAILED);
    assertThat(read(Status.FAILED, new Cause.NotHandedIn("srv_tcp.py")).verdict()).isEqualTo(Verdict.NOT_HANDED_IN);
  }

  @Test
  void onlyStartupCausesMeanTheServerNeverListenedEvenBehindALimit() {
    assertThat(Diagnosis.neverListened(resultOf(limit(LimitEvidence.KERNEL, SandboxLimit.PROCESSES)))).isTrue();
    assertThat(Diagnosis.neverListened(resultOf(new Cause.ListensElsewhere(Protocol.TCP, 12800,
        List.of("udp 0.0.0.0:12800"), true)))).isTrue();
    assertThat(Diagnosis.neverListened(resultOf(new Cause.NoAnswer("client A", 1000, "timeout", null)))).isFalse();
  }

  private static SpecResult resultOf(Cause cause) {
    return new SpecResult("tcp.ack", Level.MUST, "1.1", "", "", Status.FAILED, "x", cause, Map.of(), 1);
  }

  @Test
  void csvFieldsCannotBecomeFormulasOrBreakRows() {
    assertThat(GradesCsv.field("=cmd|'/c calc'!A1")).isEqualTo("'=cmd|'/c calc'!A1");
    assertThat(GradesCsv.field("a,b\"c")).isEqualTo("\"a,b\"\"c\"");
    assertThat(GradesCsv.field("alice")).isEqualTo("alice");
  }
}
