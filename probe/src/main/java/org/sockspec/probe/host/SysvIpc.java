package org.sockspec.probe.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The System V IPC objects of the program (shared memory, semaphores, message queues), which
 * outlive its processes, and which a reset removes. /proc/sysvipc lists the IPC namespace's, each
 * with its owner ({@code uid}) and its creator ({@code cuid}): the program may hand the owner to
 * root with {@code IPC_SET}, never the creator, so an object is the program's when either names its
 * uid. They are removed by {@code ipcrm} run as the program's uid (the creator may always remove
 * its objects; root without CAP_SYS_ADMIN may not remove another's), once its processes are gone.
 */
public final class SysvIpc {
  /** ipcrm's option for each kind of object, by the /proc/sysvipc file that lists it. */
  private static final List<String[]> KINDS = List.of(new String[] {"shm", "-m", "shmid"},
      new String[] {"sem", "-s", "semid"}, new String[] {"msg", "-q", "msqid"});
  private static final long BOUND_MS = 3_000;

  private SysvIpc() {}

  /** An object: its kind's file, its id, and its size in bytes where it has one (shared memory). */
  public record IpcObject(String kind, String option, String id, long bytes) {}

  /** The objects the program's uid owns or created, of every kind. */
  public static List<IpcObject> of(int uid) throws IOException {
    List<IpcObject> found = new ArrayList<>();
    for (String[] kind : KINDS) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of("/proc/sysvipc", kind[0]));
      } catch (NoSuchFileException e) {
        continue; // no System V IPC of this kind in this kernel
      }
      if (lines.isEmpty()) {
        continue;
      }
      List<String> names = List.of(lines.get(0).trim().split("\\s+"));
      int idColumn = names.indexOf(kind[2]);
      int sizeColumn = names.indexOf("size");
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (is(names, fields, "uid", uid) || is(names, fields, "cuid", uid)) {
          long bytes = sizeColumn >= 0 && sizeColumn < fields.length ? Long.parseLong(fields[sizeColumn]) : 0;
          found.add(new IpcObject(kind[0], kind[1], fields[idColumn], bytes));
        }
      }
    }
    return found;
  }

  /**
   * Bytes of the program's shared memory segments that no process has attached: memory it holds
   * that no process's size shows (an attached segment's pages are in its processes' Pss already).
   */
  public static long detachedBytes(int uid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc/shm"));
      if (lines.isEmpty()) {
        return 0;
      }
      List<String> names = List.of(lines.get(0).trim().split("\\s+"));
      int attached = names.indexOf("nattch");
      int resident = names.indexOf("rss");
      int size = names.indexOf("size");
      long bytes = 0;
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if ((is(names, fields, "uid", uid) || is(names, fields, "cuid", uid)) && attached >= 0
            && fields[attached].equals("0")) {
          bytes += Long.parseLong(fields[resident >= 0 ? resident : size]);
        }
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      return 0; // no System V shared memory here
    }
  }

  /** Removes the program's objects; returns the reasons some are left (none when all went). */
  public static List<String> remove(int uid) {
    List<String> reasons = new ArrayList<>();
    try {
      List<IpcObject> objects = of(uid);
      if (objects.isEmpty()) {
        return reasons;
      }
      List<String> command = new ArrayList<>(List.of(TrustedTools.path("setpriv"), "--reuid=" + uid,
          "--regid=" + uid, "--clear-groups", "--", TrustedTools.path("ipcrm")));
      objects.forEach(object -> command.addAll(List.of(object.option(), object.id())));
      Process ipcrm = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!ipcrm.waitFor(BOUND_MS, TimeUnit.MILLISECONDS)) {
        ipcrm.destroyForcibly();
      }
      long left = of(uid).size();
      if (left > 0) {
        reasons.add(left + " System V IPC object(s) of the program are left (ipcrm as its uid did not remove them)");
      }
    } catch (IOException e) {
      reasons.add("the program's System V IPC objects could not be removed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reasons.add("interrupted while removing the program's System V IPC objects");
    }
    return reasons;
  }

  private static boolean is(List<String> names, String[] fields, String column, int uid) {
    int index = names.indexOf(column);
    return index >= 0 && index < fields.length && fields[index].equals(Integer.toString(uid));
  }
}
