package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container that holds the program under test: loopback only ({@code --network none}, so
 * nothing the program does can reach outside), read-only root file system, the program's files in
 * a tmpfs at {@code /lab} that only the probe writes, size-capped scratch folders, no
 * capabilities, no new privileges, pids, memory (no swap), CPU and open-file limits. Its main
 * process is an init that reaps orphans and an idle sleep: programs are started in it with {@code
 * docker exec}, so it outlives them, and its network namespace with them. It serves spec after
 * spec, each proven as new by the probe's reset before it starts (see {@code ContainerSlot}).
 *
 * <p>The program, and nothing else, runs as uid 1000 ({@link #USER}): the init and its sleep run as
 * root (without capabilities), like the probe. A program may signal only processes of its own uid,
 * so one that kills every PID it can see kills only itself and its children, never the target's
 * PID 1 (whose end would take the pid namespace, and the probe, with it).
 *
 * <p>{@code net.ipv4.tcp_migrate_req=1} is set in its namespace: when one of several SO_REUSEPORT
 * listeners closes, its not-yet-accepted connections move to another listener instead of being
 * reset (the Java reference process-per-client server hands over its port that way).
 * {@code net.ipv4.tcp_no_metrics_save=1}: no connection inherits what the kernel learnt of an
 * earlier one (round-trip times, windows), as in a new namespace.
 *
 * @param id the container's id
 * @param hostPid its init's pid on the engine's host (for the cgroup counters), or 0 when unknown
 */
public record TargetContainer(String id, long hostPid) {
  public static final String USER = "1000:1000";
  /** The init's and its sleep's user: one the program does not have, so it cannot signal them. */
  static final String INIT_USER = "0:0";
  /** Open files per process: a lab program needs a few dozen; a million would let it slow every /proc read. */
  static final long OPEN_FILES = 1024;
  /** The program's folder: what a submission may hold (20 MB) and room to spare. */
  static final String LAB_TMPFS = "rw,exec,nosuid,nodev,mode=755,size=" + (32L << 20);

  /** Creates and starts a target from {@code image}. */
  static TargetContainer start(DockerClient docker, String image, SandboxLimits limits) {
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode("none")
        .withInit(true)
        .withReadonlyRootfs(true)
        .withIpcMode("shareable")
        .withTmpFs(Map.of(
            "/lab", LAB_TMPFS,
            "/tmp", "rw,nosuid,nodev,size=" + limits.scratchBytes(),
            "/home/lab", "rw,nosuid,nodev,uid=1000,gid=1000,size=" + limits.scratchBytes()))
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withPidsLimit(limits.pids())
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withCpuShares(limits.cpuShares())
        .withUlimits(List.of(new Ulimit("nofile", OPEN_FILES, OPEN_FILES), new Ulimit("core", 0L, 0L)))
        .withSysctls(Map.of("net.ipv4.tcp_migrate_req", "1", "net.ipv4.tcp_no_metrics_save", "1"));
    String id = docker.createContainerCmd(image).withCmd("sleep", "infinity").withUser(INIT_USER)
        .withLabels(Labels.forRole("target")).withHostConfig(host).exec().getId();
    try {
      docker.startContainerCmd(id).exec();
      Long pid = docker.inspectContainerCmd(id).exec().getState().getPidLong();
      return new TargetContainer(id, pid == null ? 0 : pid);
    } catch (RuntimeException e) {
      Engine.remove(docker, id);
      throw e;
    }
  }

  /** The kernel's counts of limits hit in this container so far, where the host's cgroup files can be read. */
  public Optional<LimitsHit> limitsHit() {
    return hostPid <= 0 ? Optional.empty() : LimitsHit.read(hostPid, id);
  }
}
