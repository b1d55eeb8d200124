package org.sockspec.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the probe finds the target it serves, from its command line: the target's root file system
 * as the probe sees it, the uid the program under test runs as, the folder its files are put in,
 * and its scratch folders (the only places it may write), each named as the program sees it.
 *
 * <p>In the container bench the probe shares the target's pid namespace, so the target's root is
 * {@code /proc/1/root} (its init's). Defaults are the container bench's.
 *
 * @param root the target's "/" as a path of the probe's
 * @param programUid the program's uid: every process of it is the program's, and is ended by a reset
 * @param lab the program's folder, e.g. {@code /lab}
 * @param scratch the program's writable folders, emptied by a reset
 */
record ProbeConfig(Path root, int programUid, String lab, List<String> scratch) {
  static final ProbeConfig CONTAINER = new ProbeConfig(Path.of("/proc/1/root"), 1000, "/lab",
      List.of("/tmp", "/home/lab", "/dev/shm", "/dev/mqueue"));

  ProbeConfig {
    scratch = List.copyOf(scratch);
  }

  /** {@code --root PATH --uid N --lab DIR --scratch DIR,DIR...}; what is not given keeps its default. */
  static ProbeConfig parse(String[] args) {
    Path root = CONTAINER.root();
    int uid = CONTAINER.programUid();
    String lab = CONTAINER.lab();
    List<String> scratch = new ArrayList<>(CONTAINER.scratch());
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[i + 1]);
        case "--uid" -> uid = Integer.parseInt(args[i + 1]);
        case "--lab" -> lab = args[i + 1];
        case "--scratch" -> scratch = List.of(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown probe option " + args[i]);
      }
    }
    return new ProbeConfig(root, uid, lab, scratch);
  }

  /** A path the program names ({@code /tmp}), as the probe reaches it. */
  Path inTarget(String programPath) {
    return root.resolve(programPath.substring(1));
  }
}
