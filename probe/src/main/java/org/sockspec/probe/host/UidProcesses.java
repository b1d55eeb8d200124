package org.sockspec.probe.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The processes of one uid (a program's, in the sandboxes), seen in /proc, and their end: {@code kill
 * -KILL -1} run as that uid signals every process of it but the killer itself in one pass of the
 * kernel's process list, so a fork bomb cannot outrun it as it outruns a kill of the pids seen a
 * moment before. Never for the caller's own uid, where -1 would end the caller too.
 */
public final class UidProcesses {
  private static final Path PROC = Path.of("/proc");

  private UidProcesses() {}

  /** The pids whose real uid is {@code uid}, zombies included. */
  public static List<Integer> of(int uid) throws IOException {
    List<Integer> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        int pid = Integer.parseInt(entry.getFileName().toString());
        if (pid != self && uidOf(pid) == uid) {
          found.add(pid);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** The real uid of {@code pid}, from /proc/PID/status; -1 once it is gone. */
  public static int uidOf(long pid) {
    try {
      for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone while we looked
    }
    return -1;
  }

  /** {@code kill -KILL -1} as {@code uid}, bounded by {@code boundMs}; nothing for the caller's own uid. */
  public static void killAllAs(int uid, long boundMs) {
    if (uid < 0 || uid == uidOf(ProcessHandle.current().pid())) {
      return;
    }
    String id = Integer.toString(uid);
    try {
      Process kill = new ProcessBuilder(TrustedTools.path("setpriv"), "--reuid=" + id, "--regid=" + id,
          "--clear-groups", "--", TrustedTools.path("kill"), "-KILL", "-1").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!kill.waitFor(boundMs, TimeUnit.MILLISECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // no setpriv here: the caller's one-by-one kill still ends every process it sees
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends every process of {@code uid}, within {@code boundMs}: all at once as that uid, then each
   * one left, until none is left. Returns those still there at the bound (none, normally).
   */
  public static List<Integer> endAll(int uid, long boundMs) throws IOException {
    long start = System.nanoTime();
    List<Integer> left = of(uid);
    if (!left.isEmpty()) {
      killAllAs(uid, boundMs);
    }
    for (left = of(uid); !left.isEmpty() && (System.nanoTime() - start) / 1_000_000 < boundMs; left = of(uid)) {
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      LockSupport.parkNanos(5_000_000);
    }
    return left;
  }
}
