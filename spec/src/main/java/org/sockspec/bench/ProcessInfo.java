package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;

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

  static ProcessInfo of(JsonNode p) {
    return new ProcessInfo(p.path("pid").asInt(), p.path("ppid").asInt(), p.path("uid").asInt(),
        p.path("state").asText(), p.path("threads").asInt(), p.path("comm").asText(),
        p.path("cmdline").asText(), p.path("probe").asBoolean(), p.path("program").asBoolean());
  }

  public boolean isZombie() {
    return "Z".equals(state);
  }

  String render() {
    return String.format("%6d %6d %5d %s %4d  %s", pid, ppid, uid, state, threads,
        cmdline.isEmpty() ? "[" + comm + "]" : cmdline);
  }
}
