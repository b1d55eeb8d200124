package org.sockspec.bench.internal;

/**
 * The resource limits of a target container: what a hostile or broken program can use at most.
 * Generous for any honest lab program (a Python or Java server needs well under 100 MB and a few
 * threads), tight enough that a fork bomb, a memory balloon or a disk filler hits a wall at once.
 *
 * @param memoryBytes memory limit, with swap equal to it (so: no swap)
 * @param pids        processes and threads, all together
 * @param cpuShares   relative CPU weight against the kit's own containers (1024 is the default)
 * @param scratchBytes size of the only writable places, /tmp and the home directory (tmpfs)
 */
public record SandboxLimits(long memoryBytes, long pids, int cpuShares, long scratchBytes) {
  public static final SandboxLimits DEFAULT = new SandboxLimits(512L << 20, 256, 512, 16L << 20);
}
