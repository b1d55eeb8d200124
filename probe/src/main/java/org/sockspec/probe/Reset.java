package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.ProbeRequest.BenchReset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sockspec.probe.host.SysvIpc;

/**
 * {@code bench.reset PORT}: makes the namespace what a new target would be, and proves it, so that
 * the next spec may run in it: a spec's verdict must never depend on the one before it.
 *
 * <ol>
 *   <li>Every socket the kit opened is closed with a reset (so neither end waits in TIME_WAIT) and
 *       every listener of the probe's own is closed, before the program ends: a program killed
 *       first would send FINs and leave its side waiting.
 *   <li>Every process of the program's uid is killed: one by one, until none is left, zombies
 *       reaped; when there are many (a fork bomb), first with {@code kill -KILL -1} run as that
 *       uid, one call that no fork can outrun (the kernel signals all of them at once).
 *   <li>The lab and scratch folders are emptied, and what the program's uid has in the folders
 *       anyone may write, each relative to an open folder, never through a link (see
 *       {@link org.sockspec.probe.host.TreeRemoval}); its System V IPC objects (owned or created)
 *       are removed.
 *   <li>Proof, each bounded: no process of the uid; no socket in the namespace but TIME_WAITs of
 *       earlier connections that are not on the program's port (recorded as {@link Residue}, left out
 *       of later tables); the folders empty with their owner and mode as new; no System V IPC object
 *       the program owns or created.
 * </ol>
 *
 * The answer is {@code clean}, or {@code dirty} with every reason: the kit then discards the target.
 * In a namespace shared with the rest of the machine, which cannot be discarded, a TIME_WAIT on the
 * program's port (a connection the program closed first, or one between two of its own sockets: the
 * kit resets its own) is not waited for unless asked: the answer says how long it has left, and the
 * kit decides who waits for it.
 */
final class Reset {
  private static final long BOUND_MS = 3_000;
  /** Up to this many processes are killed one by one (no process started for it): a program and its children. */
  private static final int FEW = 16;
  private final ProbeConfig config;
  private final Handles handles;
  private final LabFiles files;
  private final Residue residue;
  private final ProcessTable processes;

  Reset(ProbeConfig config, Handles handles, LabFiles files, Residue residue, ProcessTable processes) {
    this.config = config;
    this.handles = handles;
    this.files = files;
    this.residue = residue;
    this.processes = processes;
  }

  ResetDone run(BenchReset r) throws IOException {
    int port = r.port();
    long start = System.nanoTime();
    handles.abortAll();
    List<String> reasons = new ArrayList<>();
    endProgram(reasons);
    reasons.addAll(files.empty());
    reasons.addAll(files.leftovers());
    if (config.marker() == null) {
      reasons.addAll(SysvIpc.remove(config.programUid()));
    }
    long[] timeWaitLeft = {0};
    reasons.addAll(socketsLeft(port, r.timeWaitMs() == null ? 0 : r.timeWaitMs(), timeWaitLeft));
    return new ResetDone(reasons.isEmpty(), reasons, Clock.msSince(start), timeWaitLeft[0]);
  }

  private void endProgram(List<String> reasons) throws IOException {
    List<Integer> found = programProcesses();
    if (found.isEmpty()) {
      return;
    }
    if (found.size() > FEW) {
      KillAll.asTheProgram(config, BOUND_MS); // many processes: perhaps a fork bomb, which only kill -1 outruns
    }
    long start = System.nanoTime();
    List<Integer> left = programProcesses();
    while (!left.isEmpty() && Clock.msSince(start) < BOUND_MS) {
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      pause();
      left = programProcesses();
    }
    if (!left.isEmpty()) {
      reasons.add(left.size() + " process(es) of uid " + config.programUid() + " still there after "
          + BOUND_MS + " ms: " + left);
    }
  }

  private List<Integer> programProcesses() throws IOException {
    return processes.programPids();
  }

  /**
   * Waits until the namespace holds no socket but harmless TIME_WAITs (see {@link Residue}); a
   * TIME_WAIT on the program's own port would refuse the next server's bind (without SO_REUSEADDR).
   * In a shared namespace that is waited for at most {@code timeWaitMs}, and what is left of it goes
   * to {@code timeWaitLeft}; elsewhere it makes the lane dirty (the kit discards it for a new one).
   */
  private List<String> socketsLeft(int port, long timeWaitMs, long[] timeWaitLeft) throws IOException {
    long start = System.nanoTime();
    List<SocketRow> left;
    while (true) {
      left = new ArrayList<>();
      List<SocketRow> waiting = new ArrayList<>();
      for (SocketRow socket : ProcNetSockets.read(Map.of(), residue)) {
        if (config.sharedNamespace() && socket.localPort() != port && socket.remotePort() != port) {
          continue; // another process's socket: the program's and the probe's are all gone by now
        }
        boolean harmless = "TIME_WAIT".equals(socket.state()) && socket.localPort() != port;
        (harmless ? waiting : left).add(socket);
      }
      if (left.isEmpty()) {
        residue.record(waiting);
        return List.of();
      }
      boolean onlyTimeWaits = left.stream().allMatch(s -> "TIME_WAIT".equals(s.state()));
      if (config.sharedNamespace() && onlyTimeWaits && Clock.msSince(start) >= timeWaitMs) {
        residue.record(waiting);
        timeWaitLeft[0] = Math.max(1, left.stream().mapToLong(SocketRow::timerMs).max().orElse(1));
        return List.of();
      }
      long bound = config.sharedNamespace() && onlyTimeWaits ? Math.max(BOUND_MS, timeWaitMs) : BOUND_MS;
      if (Clock.msSince(start) >= bound) {
        break;
      }
      pause();
    }
    List<String> reasons = new ArrayList<>();
    for (SocketRow socket : left) {
      reasons.add("a socket is left: " + socket.proto() + " " + socket.localAddress() + ":" + socket.localPort() + " "
          + socket.remoteAddress() + ":" + socket.remotePort() + " " + socket.state());
    }
    return reasons;
  }

  private static void pause() {
    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
  }
}
