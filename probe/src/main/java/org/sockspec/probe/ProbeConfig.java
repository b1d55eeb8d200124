package org.sockspec.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the probe finds the target it serves, from its command line: the target's root file system
 * as the probe sees it, how the program's processes are told apart, the folder its files are put in,
 * and the places it may write, each named as the program sees it.
 *
 * <p>In the container bench the probe shares the target's pid namespace, so the target's root is
 * {@code /proc/1/root} (its init's), the namespace is the lane's own, and the program is every
 * process of uid 1000. In the process sandbox the root is {@code /}, the namespace may be shared with
 * everything else on the machine (then only the lane's sockets and processes are the lane's), the
 * program has a uid of its own, or, where the kit is not root, carries {@code marker} in its
 * environment. Defaults are the container bench's.
 *
 * @param root the target's "/" as a path of the probe's
 * @param programUid the program's uid: every process of it is the program's, and is ended by a reset
 * @param marker when not null, the program's processes are instead those whose environment holds
 *     {@code SOCKSPEC_PROGRAM=marker} (the program runs as the kit's own user)
 * @param lab the program's folder, e.g. {@code /lab}
 * @param scratch the program's own writable folders, emptied by a reset
 * @param shared writable folders the program shares with others ({@code /tmp}): a reset removes its files there
 * @param sharedNamespace whether the network namespace holds more than the lane (sockets of others)
 * @param watch the limits the probe keeps itself (the process sandbox's), or null (a container's cgroups keep them)
 * @param work a folder of the probe's own, only root may enter (its capture script), or null: a new
 *     one in the temporary folder (a probe container's own)
 */
record ProbeConfig(Path root, int programUid, String marker, String lab, List<String> scratch, List<String> shared,
    boolean sharedNamespace, Limits watch, Path work) {
  static final ProbeConfig CONTAINER = new ProbeConfig(Path.of("/proc/1/root"), 1000, null, "/lab",
      List.of("/tmp", "/home/lab", "/dev/shm", "/dev/mqueue"), List.of(), false, null, null);

  /** Memory of all the program's processes, their number, and what it may write to disk. */
  record Limits(long memoryBytes, int processes, long diskBytes) {}

  ProbeConfig {
    scratch = List.copyOf(scratch);
    shared = List.copyOf(shared);
  }

  /**
   * Whether the processes the probe sees are more than the lane's: always in the process sandbox
   * (the machine's pid namespace, even where the network namespace is the lane's own), never in a
   * container's.
   */
  boolean sharedPidNamespace() {
    return watch != null || sharedNamespace;
  }

  /**
   * {@code --root PATH --uid N --marker TOKEN --lab DIR --scratch DIR,DIR... --shared DIR,DIR...
   * --namespace own|shared --watch MEMORY_BYTES,PROCESSES,DISK_BYTES --work DIR}; what is not given
   * keeps its default.
   */
  static ProbeConfig parse(String[] args) {
    Path root = CONTAINER.root();
    int uid = CONTAINER.programUid();
    String marker = null;
    String lab = CONTAINER.lab();
    List<String> scratch = new ArrayList<>(CONTAINER.scratch());
    List<String> shared = List.of();
    boolean sharedNamespace = false;
    Limits watch = null;
    Path work = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[i + 1]);
        case "--uid" -> uid = Integer.parseInt(args[i + 1]);
        case "--marker" -> marker = args[i + 1];
        case "--lab" -> lab = args[i + 1];
        case "--scratch" -> scratch = List.of(args[i + 1].split(","));
        case "--shared" -> shared = args[i + 1].isEmpty() ? List.of() : List.of(args[i + 1].split(","));
        case "--namespace" -> sharedNamespace = args[i + 1].equals("shared");
        case "--watch" -> {
          String[] limits = args[i + 1].split(",");
          watch = new Limits(Long.parseLong(limits[0]), Integer.parseInt(limits[1]), Long.parseLong(limits[2]));
        }
        case "--work" -> work = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown probe option " + args[i]);
      }
    }
    return new ProbeConfig(root, uid, marker, lab, scratch, shared, sharedNamespace, watch, work);
  }

  /** A path the program names ({@code /tmp}), as the probe reaches it. */
  Path inTarget(String programPath) {
    return root.resolve(programPath.substring(1));
  }
}
