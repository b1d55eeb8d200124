package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.ProbeRequest.BenchReset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 *   <li>The lab and scratch folders are emptied.
 *   <li>Proof, each bounded: no process of the uid; no socket in the namespace but TIME_WAITs of
 *       earlier connections that are not on the program's port (recorded as {@link Residue}, left out
 *       of later tables); the folders empty with their owner and mode as new; no System V IPC object.
 * </ol>
 *
 * The answer is {@code clean}, or {@code dirty} with every reason: the kit then discards the target.
 */
final class Reset {
  private static final long BOUND_MS = 3_000;
  /** A TIME_WAIT lasts 60 s on Linux; a little more, and it is surely gone. */
  private static final long TIME_WAIT_MS = 65_000;
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
    reasons.addAll(socketsLeft(port));
    reasons.addAll(ipcLeft(config));
    return new ResetDone(reasons.isEmpty(), reasons, Clock.msSince(start));
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
   */
  private List<String> socketsLeft(int port) throws IOException {
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
      // One namespace for everything: nothing to discard, so a TIME_WAIT on the port is waited out
      // (the kernel keeps it 60 s), else the next server without SO_REUSEADDR could not bind.
      long bound = config.sharedNamespace() && left.stream().allMatch(s -> "TIME_WAIT".equals(s.state()))
          ? TIME_WAIT_MS : BOUND_MS;
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

  /**
   * System V IPC objects outlive their processes; /proc/sysvipc lists this IPC namespace's, each
   * with its owner's uid: the program's are the ones that count. Where the program runs as the
   * kit's own user, its objects cannot be told from others': not checked.
   */
  private static List<String> ipcLeft(ProbeConfig config) {
    List<String> reasons = new ArrayList<>();
    if (config.marker() != null) {
      return reasons;
    }
    for (String kind : List.of("shm", "sem", "msg")) {
      try {
        List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc", kind));
        long owned = lines.stream().skip(1).filter(line -> ownedBy(lines.get(0), line, config.programUid())).count();
        if (owned > 0) {
          reasons.add(owned + " System V IPC " + kind + " object(s) of the program are left");
        }
      } catch (NoSuchFileException e) {
        // no System V IPC in this kernel
      } catch (IOException e) {
        reasons.add("/proc/sysvipc/" + kind + " cannot be read: " + e.getMessage());
      }
    }
    return reasons;
  }

  /** Whether a /proc/sysvipc line's {@code uid} column (named in {@code header}) is {@code uid}. */
  private static boolean ownedBy(String header, String line, int uid) {
    List<String> names = List.of(header.trim().split("\\s+"));
    String[] fields = line.trim().split("\\s+");
    int column = names.indexOf("uid");
    return column >= 0 && column < fields.length && fields[column].equals(Integer.toString(uid));
  }

  private static void pause() {
    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
  }
}
