package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.internal.LimitsHit;

/** Which limit a program reached, from the counters first, then its own error reports, then its processes. */
class LimitReadingTest {
  private static final ProcessList FEW = new ProcessList(List.of());

  private static ProgramOutput printed(String text) {
    ProgramOutput output = new ProgramOutput();
    output.append(text.getBytes(StandardCharsets.UTF_8));
    return output;
  }

  private static Optional<LimitReading> read(Optional<LimitsHit> counted, String printed) {
    return LimitReading.of(counted, List.of(printed(printed)), FEW);
  }

  @Test
  void theCountersComeBeforeWhatTheProgramPrinted() {
    assertThat(read(Optional.of(new LimitsHit(1, 0)), "OSError: [Errno 28] No space left on device"))
        .contains(new LimitReading(List.of(SandboxLimit.MEMORY), LimitEvidence.KERNEL));
    assertThat(read(Optional.of(new LimitsHit(2, 3418)), ""))
        .contains(new LimitReading(List.of(SandboxLimit.PROCESSES, SandboxLimit.MEMORY), LimitEvidence.KERNEL));
    assertThat(read(Optional.of(new LimitsHit(0, 0, 1, LimitsHit.CountedBy.WATCHDOG, 0)), ""))
        .contains(new LimitReading(List.of(SandboxLimit.DISK), LimitEvidence.WATCHDOG));
  }

  @Test
  void theProgramsOwnErrorReportsNameALimit() {
    assertThat(read(Optional.empty(), "refused at /tmp : [Errno 28] No space left on device").map(LimitReading::first))
        .contains(SandboxLimit.DISK);
    assertThat(read(Optional.empty(), "Traceback ...\nMemoryError").map(LimitReading::first))
        .contains(SandboxLimit.MEMORY);
    assertThat(read(Optional.empty(), "BlockingIOError: [Errno 11] Resource temporarily unavailable\n in os.fork()")
        .map(LimitReading::evidence)).contains(LimitEvidence.PROGRAM_ERROR);
    assertThat(read(Optional.empty(), "Traceback ...\nSyntaxError: invalid syntax")).isEmpty();
  }

  @Test
  void aFloodedOutputIsTheOutputLimit() {
    ProgramOutput flood = new ProgramOutput();
    byte[] chunk = new byte[1 << 20];
    IntStream.range(0, (int) (ProgramOutput.STOP_AFTER >> 20)).forEach(i -> flood.append(chunk));
    assertThat(LimitReading.of(Optional.empty(), List.of(flood), FEW))
        .contains(new LimitReading(List.of(SandboxLimit.OUTPUT), LimitEvidence.OUTPUT_CAP));
  }

  @Test
  void aProcessTableHalfFullIsTheProcessLimit() {
    List<ProcessInfo> many = IntStream.range(0, 130).mapToObj(pid -> new ProcessInfo(pid, 1, 64000, "S", 1, "python3",
        "python3 bomb.py", false, true)).toList();
    assertThat(LimitReading.of(Optional.empty(), List.of(printed("")), new ProcessList(many)))
        .contains(new LimitReading(List.of(SandboxLimit.PROCESSES), LimitEvidence.PROCESS_TABLE));
  }
}
