package org.sockspec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sockspec.bench.internal.LimitsHit;
import org.sockspec.bench.internal.SandboxLimits;

/**
 * Which sandbox limits a program reached during a spec, and whose evidence says so: the kernel's
 * or the watchdog's own counts first, then the kit's output cap, then what the program itself
 * reported (a MemoryError, ENOSPC, a fork refused), then a process table filled to half the
 * limit. Only the program's output is read as text here, never a message of the kit's.
 *
 * @param limits the limits reached, the one that names the verdict first
 */
public record LimitReading(List<SandboxLimit> limits, LimitEvidence evidence) {
  /** What Python and the C library print when a write finds the scratch space full. */
  private static final List<String> DISK_ERRORS = List.of("no space left on device", "errno 28", "file too large",
      "errno 27", "disk quota exceeded");
  private static final List<String> MEMORY_ERRORS = List.of("memoryerror", "cannot allocate memory");

  public LimitReading {
    limits = List.copyOf(limits);
  }

  /** The limit that names it. */
  public SandboxLimit first() {
    return limits.get(0);
  }

  /**
   * Reads the facts of one spec: the counts of its lane, its programs' outputs, its process table.
   */
  static Optional<LimitReading> of(Optional<LimitsHit> counted, List<ProgramOutput> outputs, ProcessList processes) {
    if (outputs.stream().anyMatch(ProgramOutput::stopped)) {
      return reading(LimitEvidence.OUTPUT_CAP, SandboxLimit.OUTPUT);
    }
    LimitEvidence counter = counted.map(hit -> hit.countedBy() == LimitsHit.CountedBy.KERNEL
        ? LimitEvidence.KERNEL : LimitEvidence.WATCHDOG).orElse(LimitEvidence.KERNEL);
    List<SandboxLimit> hit = new ArrayList<>();
    counted.filter(h -> h.forksRefused() > 0).ifPresent(h -> hit.add(SandboxLimit.PROCESSES));
    counted.filter(h -> h.oomKills() > 0).ifPresent(h -> hit.add(SandboxLimit.MEMORY));
    if (!hit.isEmpty()) {
      return Optional.of(new LimitReading(hit, counter));
    }
    if (counted.filter(h -> h.diskStops() > 0).isPresent()) {
      return reading(counter, SandboxLimit.DISK);
    }
    Optional<SandboxLimit> printed = printed(String.join("\n", outputs.stream().map(ProgramOutput::text).toList()));
    if (printed.isPresent()) {
      return reading(LimitEvidence.PROGRAM_ERROR, printed.get());
    }
    if (processes.all().size() >= SandboxLimits.DEFAULT.pids() / 2) {
      return reading(LimitEvidence.PROCESS_TABLE, SandboxLimit.PROCESSES);
    }
    return Optional.empty();
  }

  /**
   * The limit a program's output says it met: what Python, the C library and the shells print when
   * a write finds the scratch space full, an allocation fails, a fork is refused.
   */
  static Optional<SandboxLimit> printed(String output) {
    String printed = output.toLowerCase(Locale.ROOT);
    if (DISK_ERRORS.stream().anyMatch(printed::contains)) {
      return Optional.of(SandboxLimit.DISK);
    }
    if (MEMORY_ERRORS.stream().anyMatch(printed::contains)) {
      return Optional.of(SandboxLimit.MEMORY);
    }
    if (printed.contains("resource temporarily unavailable") && printed.contains("fork")
        || printed.contains("cannot fork")) {
      return Optional.of(SandboxLimit.PROCESSES);
    }
    return Optional.empty();
  }

  private static Optional<LimitReading> reading(LimitEvidence evidence, SandboxLimit limit) {
    return Optional.of(new LimitReading(List.of(limit), evidence));
  }
}
