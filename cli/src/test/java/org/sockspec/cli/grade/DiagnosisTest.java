package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.ProgramOutput;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Level;

/** Each way a hostile program ends is read as its own verdict, from the kit's messages only. */
class DiagnosisTest {
  private static final String NOT_LISTENING = "Expecting the program to listen on TCP port 12800 within 15000 ms, but ";

  private static Diagnosis.Reading read(Status status, String message, Map<String, String> evidence) {
    return Diagnosis.of(new SpecResult("tcp.ack", Level.MUST, "1.1", "", "", status, message, evidence, 1));
  }

  @Test
  void theKernelsLimitCountersComeBeforeAnyText() {
    assertThat(read(Status.FAILED, NOT_LISTENING + "it exited with status 1 before it did.",
        Map.of("limits", "memory limit: the kernel's out-of-memory killer ended 1 process (limit 512 MB, no swap)")))
        .isEqualTo(new Diagnosis.Reading(Verdict.LIMIT, "memory limit"));
    assertThat(read(Status.FAILED, NOT_LISTENING + "it is still running and never did.",
        Map.of("limits", "process limit: 3418 forks were refused (limit 256 processes and threads)")))
        .isEqualTo(new Diagnosis.Reading(Verdict.LIMIT, "process limit"));
    assertThat(read(Status.FAILED, "x", Map.of("limits", "memory limit: ...\nprocess limit: ...")).reason())
        .isEqualTo("process and memory limits");
  }

  @Test
  void crashesLimitsAndTimeoutsAreToldApart() {
    assertThat(read(Status.FAILED, NOT_LISTENING + "it exited with status 1 before it did. SyntaxError", Map.of()))
        .isEqualTo(new Diagnosis.Reading(Verdict.CRASHED, "status 1"));
    assertThat(read(Status.FAILED, NOT_LISTENING + "it exited with status 139 before it did.", Map.of()))
        .isEqualTo(new Diagnosis.Reading(Verdict.CRASHED, "signal 11"));
    assertThat(read(Status.FAILED, NOT_LISTENING + "it exited with status 137 before it did.", Map.of()).reason())
        .startsWith("memory limit");
    assertThat(read(Status.FAILED, NOT_LISTENING + "it is still running and never did.", Map.of()))
        .isEqualTo(new Diagnosis.Reading(Verdict.TIMED_OUT, "never listened"));
    assertThat(read(Status.FAILED, NOT_LISTENING + "it is still running and never did. It printed:\nflood\n"
        + ProgramOutput.STOPPED, Map.of()).reason()).isEqualTo("output limit");
    assertThat(read(Status.FAILED, NOT_LISTENING + "it is still running and never did.",
        Map.of("output", "refused at /tmp : [Errno 28] No space left on device")).verdict()).isEqualTo(Verdict.LIMIT);
    assertThat(read(Status.ERROR, "kit error: TimeoutException: tcpAck() timed out after 60 seconds", Map.of()))
        .isEqualTo(new Diagnosis.Reading(Verdict.TIMED_OUT, "the spec's deadline ran out"));
    assertThat(read(Status.ERROR, "kit error: the probe did not answer", Map.of()).verdict())
        .isEqualTo(Verdict.KIT_ERROR);
    assertThat(read(Status.FAILED, "Expecting the answer \"Message received\", but got nothing.", Map.of()).verdict())
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void csvFieldsCannotBecomeFormulasOrBreakRows() {
    assertThat(GradesCsv.field("=cmd|'/c calc'!A1")).isEqualTo("'=cmd|'/c calc'!A1");
    assertThat(GradesCsv.field("a,b\"c")).isEqualTo("\"a,b\"\"c\"");
    assertThat(GradesCsv.field("alice")).isEqualTo("alice");
  }
}
