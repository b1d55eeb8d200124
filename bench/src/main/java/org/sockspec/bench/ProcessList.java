package org.sockspec.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The processes of the target's namespace at one moment. The program's processes are those the
 * probe marks so: of the program's uid (only the program runs as it), or carrying its marker.
 */
public record ProcessList(List<ProcessInfo> all) {
  /** Processes of the program under test. */
  public List<ProcessInfo> program() {
    return all.stream().filter(ProcessInfo::program).toList();
  }

  public String name(int pid) {
    return all.stream().filter(p -> p.pid() == pid).findFirst()
        .map(p -> p.cmdline().isEmpty() ? p.comm() : p.cmdline()).orElse("?");
  }

  /**
   * The process's command line cut to fit a sentence: its program's name and its last arguments,
   * which tell processes apart ("java ... ForkWorker --answer Message received"). The process table
   * shows it whole.
   */
  public String shortName(int pid) {
    String full = name(pid);
    if (full.length() <= 60) {
      return full;
    }
    String program = full.split(" ", 2)[0];
    program = program.substring(program.lastIndexOf('/') + 1);
    // The last 45 characters, from the start of the word they cut into unless that word is long.
    int cut = full.length() - 45;
    int start = full.lastIndexOf(' ', cut) + 1;
    return program + " ... " + full.substring(full.length() - start > 70 ? cut : start);
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
