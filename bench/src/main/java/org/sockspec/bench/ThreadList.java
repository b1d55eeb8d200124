package org.sockspec.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The threads of one process at one moment, each with what it is blocked on: enough to tell a
 * thread per client (each waits in a receive on its own client's socket) from one thread that
 * waits on every socket at once (select style). Empty when the process is gone.
 */
public record ThreadList(int pid, List<ThreadInfo> threads) {

  /** The threads waiting for data on socket {@code inode} alone. */
  public List<ThreadInfo> waitingOnlyOn(long inode) {
    return threads.stream().filter(t -> t.waitsOnlyOn(inode)).toList();
  }

  /** As {@code ps -L} would list them, with each one's wait. */
  public String render() {
    if (threads.isEmpty()) {
      return "(process " + pid + " is gone)";
    }
    return "threads of pid " + pid + ":\n    TID NAME             S  WAITS IN\n"
        + threads.stream().map(ThreadInfo::render).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return render();
  }
}
