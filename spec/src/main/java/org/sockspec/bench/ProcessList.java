package org.sockspec.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The processes of the target's namespace at one moment. The program's processes are those of
 * uid 1000 other than the target's own init and idle sleep, which run before any program starts.
 */
public record ProcessList(List<ProcessInfo> all) {
  /** PIDs 1 (the target's init) and its idle child exist before any program; never the program. */
  private static final int INFRASTRUCTURE_MAX_PID = 1;

  /** Processes of the program under test: uid 1000, excluding the target's init and idle sleep. */
  public List<ProcessInfo> program() {
    return all.stream().filter(p -> p.uid() == 1000 && !p.probe() && p.pid() > INFRASTRUCTURE_MAX_PID
        && !(p.ppid() == 1 && p.cmdline().equals("sleep infinity"))).toList();
  }

  public String name(int pid) {
    return all.stream().filter(p -> p.pid() == pid).findFirst()
        .map(p -> p.cmdline().isEmpty() ? p.comm() : p.cmdline()).orElse("?");
  }

  public String render() {
    return "   PID   PPID   UID S  THR  COMMAND\n"
        + all.stream().map(ProcessInfo::render).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return render();
  }
}
