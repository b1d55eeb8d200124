package org.sockspec.bench.internal;

import com.github.dockerjava.api.model.Capability;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The container the probe runs in, joined to a target's network and pid namespaces: its sockets
 * are on the target's loopback, its /proc shows the target's processes and /proc/net the target's
 * sockets. Root, with only the capabilities the probe needs: KILL (signal the program, uid 1000),
 * SYS_PTRACE and DAC_READ_SEARCH (read another user's /proc/PID/fd to find who owns a socket).
 * Its own cgroup (and a high CPU weight), so a fork bomb or a memory balloon in the target cannot
 * starve it.
 */
public final class ProbeContainer extends GenericContainer<ProbeContainer> {
  public ProbeContainer(String kitImage, String targetContainerId) {
    super(DockerImageName.parse(kitImage));
    withImagePullPolicy(name -> false);
    withCommand("sleep", "infinity");
    withLabels(Labels.forRole("probe"));
    withCreateContainerCmdModifier(cmd -> cmd.withUser("0:0").getHostConfig()
        .withNetworkMode("container:" + targetContainerId)
        .withPidMode("container:" + targetContainerId)
        .withInit(false)
        .withCapDrop(Capability.ALL)
        .withCapAdd(Capability.KILL, Capability.SYS_PTRACE, Capability.DAC_READ_SEARCH)
        .withSecurityOpts(List.of("no-new-privileges"))
        // Four times a target's CPU weight: a fork bomb or busy loop in the target (weight 512)
        // must not slow down the probe that observes it.
        .withCpuShares(4096)
        .withMemory(256L << 20)
        .withMemorySwap(256L << 20));
  }
}
