package org.sockspec.bench.internal;

import com.github.dockerjava.api.model.Capability;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The container that holds the program under test: loopback only ({@code --network none}, so
 * nothing the program does can reach outside), read-only root file system with the program's files
 * baked into its image, a size-capped scratch space, uid 1000, no capabilities, no new privileges,
 * pids, memory (no swap) and CPU limits. Its main process is an init that reaps orphans and an idle
 * sleep: programs are started in it with {@code docker exec}, so it outlives them, and its network
 * namespace with them.
 *
 * <p>{@code net.ipv4.tcp_migrate_req=1} is set in its namespace: when one of several SO_REUSEPORT
 * listeners closes, its not-yet-accepted connections move to another listener instead of being
 * reset (the Java reference process-per-client server hands over its port that way).
 */
public final class TargetContainer extends GenericContainer<TargetContainer> {
  public static final String USER = "1000:1000";

  public TargetContainer(String image, SandboxLimits limits) {
    super(DockerImageName.parse(image));
    withImagePullPolicy(name -> false); // there is no registry: never pull
    withCommand("sleep", "infinity");
    withLabels(Labels.forRole("target"));
    withCreateContainerCmdModifier(cmd -> cmd.withUser(USER).getHostConfig()
        .withNetworkMode("none")
        .withInit(true)
        .withReadonlyRootfs(true)
        .withTmpFs(Map.of(
            "/tmp", "rw,nosuid,nodev,size=" + limits.scratchBytes(),
            "/home/lab", "rw,nosuid,nodev,uid=1000,gid=1000,size=" + limits.scratchBytes()))
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withPidsLimit(limits.pids())
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withCpuShares(limits.cpuShares())
        .withSysctls(Map.of("net.ipv4.tcp_migrate_req", "1")));
  }

  /** The kernel's counts of limits hit in this container so far, where the host's cgroup files can be read. */
  public Optional<LimitsHit> limitsHit() {
    Long pid = getContainerInfo() == null ? null : getContainerInfo().getState().getPidLong();
    return pid == null || pid <= 0 ? Optional.empty() : LimitsHit.read(pid, getContainerId());
  }
}
