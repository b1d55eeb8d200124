package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sockspec.probe.host.ContainerMemory;
import org.sockspec.probe.host.SysvIpc;

/**
 * The process sandbox's limits that no rlimit can set, kept by the probe: where there is no cgroup
 * of the program's own, the memory of all its processes together, how many processes it has, and
 * how much it has on disk. Every {@value #PERIOD_MS} ms it looks at the program's processes (their
 * resident memory in /proc/PID/statm), and every {@value #DISK_EVERY} looks at the files it owns in
 * the folders it may write to (its own, whole; the shared ones, its uid's entries only; at any depth,
 * up to {@value #ENTRY_LIMIT} entries, past which it has too many, and files it deleted but holds
 * open); detached System V shared memory and memfds of its count as memory, whether mapped or not;
 * past a limit it kills every process of the program and counts the stop,
 * which {@code limits.hit} answers ({@code lane.target} counts anew). The number of processes is
 * looked at first: a fork bomb is stopped for what it is, not for the memory its copies seem to have.
 *
 * <p>Off in the container bench, where the kernel's cgroups do this and count it themselves.
 */
final class Watchdog {
  static final long PERIOD_MS = 100;
  static final int DISK_EVERY = 5;
  /**
   * Files and folders the program may have, at most: a lab's program makes a handful; a program
   * that makes this many is filling the file system's table of files rather than its space.
   */
  static final int ENTRY_LIMIT = 10_000;
  private final ProcessTable processes;
  private final ProbeConfig config;
  private final ProbeConfig.Limits limits;
  private long memoryStops;
  private long memorySeen;
  private long processLimitHits;
  private long diskStops;
  private int looks;
  /**
   * Where the lane is the only tenant of the container the kit runs in (an autograding platform's:
   * one lane, one namespace), what the container's memory cgroup held that it cannot reclaim, and
   * what the kit's own processes held, when the spec started; null elsewhere.
   */
  private volatile long[] tenantBase;
  /** The container's own unreclaimable memory may wander this much with the kit's own kernel work. */
  static final long KIT_KERNEL_ALLOWANCE = 48L << 20;

  Watchdog(ProcessTable processes, ProbeConfig config) {
    this.processes = processes;
    this.config = config;
    this.limits = config.watch();
    Thread thread = new Thread(this::watch, "watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Over the disk limit: its files, with those it deleted and holds open (space no name leads to). */
  private boolean overDisk(DiskUse use, long deletedBytes) {
    return use.bytes() + deletedBytes > limits.diskBytes() || use.entries() > ENTRY_LIMIT;
  }

  /** What the program's processes held open without a name, at the last look. */
  private volatile AsProgram.Held held = NOTHING_HELD;
  private static final AsProgram.Held NOTHING_HELD = new AsProgram.Held(Map.of(), Map.of());

  /** Counts anew: a new spec starts. */
  synchronized void restart() {
    held = NOTHING_HELD;
    tenantBase = config.sharedNamespace() ? ContainerMemory.unreclaimable()
        .map(charged -> new long[] {charged, othersResident(List.of())}).orElse(null) : null;
    memoryStops = 0;
    memorySeen = 0;
    processLimitHits = 0;
    diskStops = 0;
  }

  synchronized Limits hit() {
    return new Limits(true, memoryStops, processLimitHits, diskStops, memorySeen);
  }

  private void watch() {
    while (true) {
      look(false);
      java.util.concurrent.locks.LockSupport.parkNanos(PERIOD_MS * 1_000_000);
    }
  }

  /**
   * Looks at once, disk included, besides the periodic looks: when the program's socket is ready, so
   * that what it set up before it listened is seen before the spec talks to it, however short the
   * spec and however late the periodic look would have come on a busy machine.
   */
  void lookNow() {
    look(true);
  }

  /** One look at a time: the root helper answers one question at a time. */
  private synchronized void look(boolean wholly) {
    try {
      check(wholly);
    } catch (IOException | RuntimeException e) {
      // a process that ended while it was looked at: the next look sees the rest
    }
  }

  private void check(boolean wholly) throws IOException {
    List<Integer> pids = processes.programPids();
    if (pids.isEmpty()) {
      held = NOTHING_HELD;
      return; // what it left behind (files, segments) is the reset's to remove
    }
    boolean lookAtDisk = ++looks % DISK_EVERY == 0 || wholly;
    if (processes.asProgram() != null) {
      held = processes.asProgram().held(pids); // one round trip to the helper: every look
    }
    // Memory no process's size shows is the program's too: shared memory it keeps detached, and
    // memfds it wrote without mapping them.
    long unmapped = (config.marker() == null ? SysvIpc.detachedBytes(config.programUid()) : 0) + held.memfdBytes();
    long resident = unmapped;
    for (int pid : pids) {
      resident += residentBytes(pid);
    }
    // Memory the kernel holds for it where no process's size shows it (see ContainerMemory).
    long unseen = unseenBytes(pids, resident);
    unmapped += unseen;
    resident += unseen;
    String stop = null;
    long proportional = 0;
    if (pids.size() >= limits.processes()) {
      stop = "processes";
    } else if (resident > limits.memoryBytes()
        && (proportional = unmapped + proportionalBytes(pids)) > limits.memoryBytes()) {
      stop = "memory";
    } else if (held.deletedBytes() > limits.diskBytes() || lookAtDisk && overDisk(onDisk(), held.deletedBytes())) {
      stop = "disk";
    }
    if (stop == null) {
      return;
    }
    synchronized (this) {
      switch (stop) {
        case "memory" -> {
          memoryStops++;
          memorySeen = Math.max(memorySeen, proportional);
        }
        case "processes" -> processLimitHits++;
        default -> diskStops++;
      }
    }
    if (stop.equals("processes")) {
      KillAll.asTheProgram(config, 1000); // a fork bomb: the copies forked since the look die too
    }
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  /**
   * Where the lane is the container's only tenant: what the container's memory cgroup charges beyond
   * what it did when the spec started, less what the kit's own processes grew by and what the
   * program's processes show ({@code counted}), less an allowance for the kit's kernel work: memory
   * the program holds in the kernel (socket buffers nobody reads, shared pages it dropped from its
   * page tables, memfds in flight). 0 elsewhere.
   */
  private long unseenBytes(List<Integer> programPids, long counted) {
    long[] base = tenantBase;
    if (base == null) {
      return 0;
    }
    java.util.Optional<Long> charged = ContainerMemory.unreclaimable();
    if (charged.isEmpty()) {
      return 0;
    }
    long kitGrowth = Math.max(0, othersResident(programPids) - base[1]);
    return Math.max(0, charged.get() - base[0] - kitGrowth - counted - KIT_KERNEL_ALLOWANCE);
  }

  /** The resident memory of every process that is not the program's (the kit's, in its container). */
  private static long othersResident(List<Integer> programPids) {
    long bytes = 0;
    try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        int pid = Integer.parseInt(entry.getFileName().toString());
        if (!programPids.contains(pid)) {
          bytes += residentBytes(pid);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a process that ended while we looked: counted or not, the next look sees the rest
    }
    return bytes;
  }

  /** What the program has on disk: bytes of its files, and how many entries (files and folders). */
  record DiskUse(long bytes, long entries) {}

  /**
   * The program's files: all of its own folders', and its uid's in the shared ones, at any depth, at
   * most {@value #ENTRY_LIMIT} entries looked at (a program with more has too many already).
   */
  DiskUse onDisk() {
    long[] bytes = {0};
    int[] seen = {0};
    for (String folder : config.scratch()) {
      sum(config.inTarget(folder), -1, bytes, seen);
    }
    if (config.marker() == null) {
      for (String folder : config.shared()) {
        sum(config.inTarget(folder), config.programUid(), bytes, seen);
      }
    }
    return new DiskUse(bytes[0], seen[0]);
  }

  private static void sum(Path dir, int uid, long[] bytes, int[] seen) {
    try {
      Files.walkFileTree(dir, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
              if (d.equals(dir)) {
                return java.nio.file.FileVisitResult.CONTINUE;
              }
              boolean own = uid < 0 || owner(d) == uid;
              if (own && ++seen[0] > ENTRY_LIMIT) {
                return java.nio.file.FileVisitResult.TERMINATE;
              }
              // a shared folder's subtrees the program cannot write in hold nothing of its own
              boolean skip = !own && !LabFiles.worldWritable(d);
              return skip ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
              if (uid < 0 || owner(file) == uid) {
                bytes[0] += a.size();
                if (++seen[0] > ENTRY_LIMIT) {
                  return java.nio.file.FileVisitResult.TERMINATE;
                }
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // a folder that went while it was looked at
    }
  }

  private static int owner(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The processes' memory counted once: resident sizes add up a forked child's pages with its
   * parent's (they share them until written), so only their proportional share (Pss) says whether
   * the program as a whole is past the limit. Read where the resident sum says it may be, from
   * /proc/PID/smaps_rollup, which only the owner or a tracer may read: as the program's uid where
   * the probe cannot trace. When some cannot be read (the helper got no CPU in time), the answer is
   * 0, no stop this round: the next look tries again, and meanwhile every process is held to the
   * memory limit by its rlimit and their number to the process limit. A process the program made
   * unreadable counts its whole resident size: hiding never makes it look smaller.
   */
  private long proportionalBytes(List<Integer> pids) {
    long bytes = 0;
    List<Integer> unread = new java.util.ArrayList<>();
    for (int pid : pids) {
      long pss = pssBytes(pid);
      if (pss < 0) {
        unread.add(pid);
      } else {
        bytes += pss;
      }
    }
    if (!unread.isEmpty()) {
      AsProgram.Pss read = processes.asProgram() == null ? null : processes.asProgram().pss(unread);
      if (read == null) {
        return 0;
      }
      for (int pid : unread) {
        Long pss = read.bytes().get(pid);
        if (pss != null) {
          bytes += pss;
        } else if (read.hidden().contains(pid)) {
          bytes += residentBytes(pid); // hidden by the program: its resident size, which counts shared pages in full
        } else if (alive(pid)) {
          return 0; // not read in time: the next look tries again
        }
      }
    }
    return bytes;
  }

  private static boolean alive(int pid) {
    return Files.exists(Path.of("/proc", Integer.toString(pid)));
  }

  private static long pssBytes(int pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.substring(4).replace("kB", "").trim()) * 1024;
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long residentBytes(int pid) {
    try {
      String[] statm = Files.readString(Path.of("/proc", Integer.toString(pid), "statm")).trim().split(" ");
      return Long.parseLong(statm[1]) * 4096;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
