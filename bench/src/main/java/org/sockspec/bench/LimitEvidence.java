package org.sockspec.bench;

import java.util.Locale;

/** Where a program was seen at a sandbox limit, strongest evidence first (see {@link LimitReading}). */
public enum LimitEvidence {
  /** The target's cgroup counters: the kernel refused forks, or killed for memory. */
  KERNEL,
  /** The process sandbox's watchdog stopped the program past a limit. */
  WATCHDOG,
  /** The kit stopped reading the program's output past its cap ({@link ProgramOutput#STOP_AFTER}). */
  OUTPUT_CAP,
  /** The program's own error report: MemoryError, ENOSPC, a fork refused. */
  PROGRAM_ERROR,
  /** Its process table was full to half the process limit or more. */
  PROCESS_TABLE,
  /** SIGKILL before it listened, in a target where only the out-of-memory killer sends one. */
  KILLED;

  /** "program-error": as reports name it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
