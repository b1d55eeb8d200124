package org.sockspec.probe.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The memory the kernel charges to the container the kit runs in (an autograding platform's), that
 * it cannot give back: everything charged (user memory, shared memory, socket buffers, the kernel's
 * own for it) but the page cache of files, which it reclaims. Read from the container's own memory
 * cgroup, version 2 ({@code memory.current}, {@code memory.stat}'s {@code file} and {@code shmem})
 * or version 1 ({@code memory.usage_in_bytes}, {@code memory.stat}'s {@code cache} and
 * {@code shmem}); empty where neither is readable.
 *
 * <p>Why: memory a program holds where no process's size shows it (pages of a shared mapping it
 * dropped from its page tables, memfds in flight in a socket, the buffers of sockets nobody reads)
 * is still charged here. Where the program is the lane's only tenant, what grows here beyond what
 * the kit's own processes grew is the program's.
 */
public final class ContainerMemory {
  private static final Path V2 = Path.of("/sys/fs/cgroup");
  private static final Path V1 = Path.of("/sys/fs/cgroup/memory");

  private ContainerMemory() {}

  /** The bytes charged that cannot be reclaimed, now; empty where no memory cgroup is readable. */
  public static Optional<Long> unreclaimable() {
    try {
      if (Files.isReadable(V2.resolve("memory.current"))) {
        Map<String, Long> stat = stat(V2.resolve("memory.stat"));
        return Optional.of(number(V2.resolve("memory.current"))
            - (stat.getOrDefault("file", 0L) - stat.getOrDefault("shmem", 0L)));
      }
      if (Files.isReadable(V1.resolve("memory.usage_in_bytes"))) {
        Map<String, Long> stat = stat(V1.resolve("memory.stat"));
        return Optional.of(number(V1.resolve("memory.usage_in_bytes"))
            - (stat.getOrDefault("cache", 0L) - stat.getOrDefault("shmem", 0L)));
      }
    } catch (IOException | RuntimeException e) {
      // not readable here: nothing to add
    }
    return Optional.empty();
  }

  private static long number(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).trim());
  }

  private static Map<String, Long> stat(Path file) throws IOException {
    Map<String, Long> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        values.put(f[0], Long.parseLong(f[1]));
      }
    }
    return values;
  }
}
