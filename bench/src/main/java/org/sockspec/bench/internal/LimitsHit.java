package org.sockspec.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was counted against a target's limits: processes the out-of-memory killer ended in
 * its memory cgroup, forks its pids cgroup refused. Read from the target's cgroup files on the
 * engine's host (cgroup v1 or v2), so a verdict such as "hit the memory limit" rests on the
 * kernel's own counter, not on an exit status or an error text. Where those files cannot be read
 * (the engine on another machine, or the kit inside a container of its own) there is no reading.
 * In the process sandbox the probe keeps these limits itself and counts its own stops (see the
 * probe's {@code Watchdog}): memory, the number of processes, and what was written to disk.
 *
 * @param oomKills processes ended for memory (by the kernel's OOM killer), or times the watchdog
 *     stopped the program for its memory
 * @param forksRefused forks refused at the pids limit, or times the watchdog found the program at it
 * @param diskStops times the program was stopped for writing more than its scratch space (process sandbox)
 * @param countedBy who kept the limits and counted these
 * @param memorySeenBytes the watchdog's: the most memory it saw the program's processes hold together
 *     (their proportional shares), 0 where the kernel counted
 */
public record LimitsHit(long oomKills, long forksRefused, long diskStops, CountedBy countedBy, long memorySeenBytes) {
  /** Who keeps a sandbox's limits, and so what its counts mean. */
  public enum CountedBy {
    /** The target container's cgroups: the kernel refuses forks and ends processes itself. */
    KERNEL,
    /** The process sandbox's probe (its watchdog): it stops the whole program past a limit. */
    WATCHDOG
  }

  /** A cgroup's counts: there, the scratch space is a size-capped tmpfs that refuses writes itself. */
  public LimitsHit(long oomKills, long forksRefused) {
    this(oomKills, forksRefused, 0, CountedBy.KERNEL, 0);
  }
  private static final Pattern OOM_KILL = Pattern.compile("(?m)^oom_kill (\\d+)$");
  private static final Pattern PIDS_MAX = Pattern.compile("(?m)^max (\\d+)$");

  /** The counters of the container whose init has host pid {@code hostPid} and id {@code containerId}. */
  static Optional<LimitsHit> read(long hostPid, String containerId) {
    return read(Path.of("/proc"), Path.of("/sys/fs/cgroup"), hostPid, containerId);
  }

  /** As {@link #read(long, String)}, with the proc and cgroup file systems at {@code proc} and {@code cgroups}. */
  static Optional<LimitsHit> read(Path proc, Path cgroups, long hostPid, String containerId) {
    List<String> lines;
    try {
      lines = Files.readAllLines(proc.resolve(Long.toString(hostPid)).resolve("cgroup"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Optional<Path> memory = Optional.empty();
    Optional<Path> pids = Optional.empty();
    Optional<Path> unified = Optional.empty();
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3 || !parts[2].contains(containerId)) {
        continue; // not this container's cgroup: that pid is not the container's here
      }
      String path = parts[2].substring(1);
      List<String> controllers = List.of(parts[1].split(","));
      if (parts[1].isEmpty()) {
        unified = Optional.of(cgroups.resolve(path)); // cgroup v2, or v1's empty unified hierarchy
      } else if (controllers.contains("memory")) {
        memory = Optional.of(cgroups.resolve("memory").resolve(path).resolve("memory.oom_control"));
      } else if (controllers.contains("pids")) {
        pids = Optional.of(cgroups.resolve("pids").resolve(path).resolve("pids.events"));
      }
    }
    if (memory.isEmpty() && pids.isEmpty() && unified.isPresent()) { // cgroup v2 only
      memory = Optional.of(unified.get().resolve("memory.events"));
      pids = Optional.of(unified.get().resolve("pids.events"));
    }
    Optional<Long> oomKills = memory.flatMap(file -> counter(file, OOM_KILL));
    Optional<Long> forksRefused = pids.flatMap(file -> counter(file, PIDS_MAX));
    if (oomKills.isEmpty() && forksRefused.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LimitsHit(oomKills.orElse(0L), forksRefused.orElse(0L)));
  }

  static Optional<Long> counter(Path file, Pattern pattern) {
    try {
      Matcher matcher = pattern.matcher(Files.readString(file));
      return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What was counted since {@code earlier} (the counters only grow). */
  public LimitsHit since(LimitsHit earlier) {
    return new LimitsHit(oomKills - earlier.oomKills, forksRefused - earlier.forksRefused,
        diskStops - earlier.diskStops, countedBy, memorySeenBytes);
  }

  public boolean any() {
    return oomKills > 0 || forksRefused > 0 || diskStops > 0;
  }

  /** For a student: which limit, how often, and what the limit is. */
  public String describe(SandboxLimits limits) {
    return (countedBy == CountedBy.KERNEL ? describeKernel(limits) : describeWatchdog(limits)).strip();
  }

  private String describeWatchdog(SandboxLimits limits) {
    StringBuilder text = new StringBuilder();
    if (oomKills > 0) {
      text.append("memory limit: the sandbox stopped the program ").append(times(oomKills))
          .append(", its processes together holding ").append(memorySeenBytes >> 20).append(" MB (limit ")
          .append(limits.memoryBytes() >> 20).append(" MB)\n");
    }
    if (forksRefused > 0) {
      text.append("process limit: the sandbox stopped the program ").append(times(forksRefused)).append(" at ")
          .append(limits.pids()).append(" processes (its limit; forks past it are refused)\n");
    }
    if (diskStops > 0) {
      text.append("disk limit: the sandbox stopped the program ").append(times(diskStops))
          .append(" when it had written more than ").append(2 * limits.scratchBytes() >> 20).append(" MB\n");
    }
    return text.toString();
  }

  private static String times(long n) {
    return n == 1 ? "once" : n + " times";
  }

  private String describeKernel(SandboxLimits limits) {
    StringBuilder text = new StringBuilder();
    if (oomKills > 0) {
      text.append("memory limit: the kernel's out-of-memory killer ended ").append(oomKills)
          .append(oomKills == 1 ? " process" : " processes").append(" (limit ")
          .append(limits.memoryBytes() >> 20).append(" MB, no swap)\n");
    }
    if (forksRefused > 0) {
      text.append("process limit: ").append(forksRefused).append(forksRefused == 1 ? " fork was" : " forks were")
          .append(" refused (limit ").append(limits.pids()).append(" processes and threads)\n");
    }
    return text.toString();
  }
}
