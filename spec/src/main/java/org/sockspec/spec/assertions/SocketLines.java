package org.sockspec.spec.assertions;

import java.util.List;
import java.util.stream.Collectors;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;

/** Sockets as failure messages quote them: netstat's columns, owners as {@code PID/command}. */
final class SocketLines {
  private SocketLines() {}

  /** The sockets under netstat's header. */
  static String of(List<SocketEntry> sockets, SocketTable table) {
    return new SocketTable(sockets, table.processes(), table.probePid()).render();
  }

  /** "PID 57 (java)", "PIDs 57 and 80 (java, java)", "no process". */
  static String owners(SocketEntry socket, SocketTable table) {
    if (socket.pids().isEmpty()) {
      return "no process";
    }
    String names = socket.pids().stream().map(pid -> pid == table.probePid() ? "the kit's probe" : command(pid, table))
        .collect(Collectors.joining(", "));
    String pids = socket.pids().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return (socket.pids().size() == 1 ? "PID " : "PIDs ") + pids + " (" + names + ")";
  }

  private static String command(int pid, SocketTable table) {
    return table.processes().all().stream().filter(p -> p.pid() == pid).findFirst().map(ProcessInfo::comm).orElse("?");
  }
}
