package org.sockspec.bench;

import org.sockspec.probe.protocol.ProbeAnswer.ProcessRow;

/**
 * One process of the target's pid namespace: {@code state} is the kernel's letter (R running,
 * S sleeping, T stopped, Z zombie: exited, not yet reaped by its parent).
 *
 * @param program whether it is the program under test's (the probe says: its uid, or its marker)
 */
public record ProcessInfo(int pid, int ppid, int uid, String state, int threads, String comm,
    String cmdline, boolean probe, boolean program) {

  /** A process of the container bench, where the program is every process of uid 1000. */
  public ProcessInfo(int pid, int ppid, int uid, String state, int threads, String comm, String cmdline,
      boolean probe) {
    this(pid, ppid, uid, state, threads, comm, cmdline, probe, uid == 1000 && !probe);
  }

  static ProcessInfo of(ProcessRow p) {
    return new ProcessInfo(p.pid(), p.ppid(), p.uid(), p.state(), p.threads(), p.comm(), p.cmdline(), p.probe(),
        p.program());
  }

  public boolean isZombie() {
    return "Z".equals(state);
  }

  String render() {
    return String.format("%6d %6d %5d %s %4d  %s", pid, ppid, uid, state, threads,
        cmdline.isEmpty() ? "[" + comm + "]" : cmdline);
  }
}
