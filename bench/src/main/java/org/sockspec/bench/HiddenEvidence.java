package org.sockspec.bench;

import java.util.List;

/**
 * The program made its own processes unreadable to the kit (not dumpable), where the kit cannot
 * trace them (the process sandbox without CAP_SYS_PTRACE): which process holds which socket, or
 * what its threads wait on, cannot be proven. A spec that needs that fact fails, charged to the
 * program; it never takes the missing fact for "nobody".
 */
public final class HiddenEvidence extends AssertionError {
  private final List<Integer> pids;

  HiddenEvidence(String what, List<Integer> pids, ProcessList processes) {
    super("Expecting the kit to see " + what + ", but your program made " + named(pids, processes)
        + " unreadable to it (not dumpable: prctl(PR_SET_DUMPABLE, 0)), so that cannot be proven: a spec that "
        + "needs it fails. A program has no reason to hide its descriptors.");
    this.pids = List.copyOf(pids);
  }

  /** The program's processes it could not read. */
  public List<Integer> pids() {
    return pids;
  }

  /** What the program did, for the cause: "made PID 57 (python3 srv.py) unreadable (not dumpable)". */
  public String how() {
    return "the program made " + (pids.size() == 1 ? "PID " : "PIDs ") + pids
        + " unreadable to the kit (not dumpable), hiding which process holds which socket";
  }

  private static String named(List<Integer> pids, ProcessList processes) {
    return String.join(", ", pids.stream().map(pid -> "PID " + pid + " (" + processes.name(pid) + ")").toList());
  }
}
