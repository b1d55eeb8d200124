package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * The container the probe runs in, joined to a target's network, pid and IPC namespaces: its
 * sockets are on the target's loopback, its /proc shows the target's processes, /proc/net the
 * target's sockets, /proc/sysvipc the target's IPC objects, and /proc/1/root the target's files.
 * Root, with only the capabilities the probe needs: KILL (signal the program, uid 1000), SYS_PTRACE
 * and DAC_READ_SEARCH (read another user's /proc/PID/fd to find who owns a socket), DAC_OVERRIDE
 * and FOWNER (empty the program's scratch folders, whatever it made of them), SETUID and SETGID
 * (end every process of the program at once, as the program's uid). Its own cgroup (and a high CPU
 * weight), so a fork bomb or a memory balloon in the target cannot starve it.
 */
final class ProbeContainer {
  private ProbeContainer() {}

  /**
   * Creates the probe container of {@code target}, its command {@code agent} (the probe agent,
   * its standard input open): the caller attaches to it, then starts it. Returns its id.
   */
  static String create(DockerClient docker, String kitImage, String targetId, List<String> agent) {
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode("container:" + targetId)
        .withPidMode("container:" + targetId)
        .withIpcMode("container:" + targetId)
        .withInit(false)
        .withCapDrop(Capability.ALL)
        // NET_RAW: the probe's packet capture of the target's loopback (the target has none of these).
        .withCapAdd(Capability.KILL, Capability.SYS_PTRACE, Capability.DAC_READ_SEARCH, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.SETUID, Capability.SETGID, Capability.NET_RAW)
        .withSecurityOpts(List.of("no-new-privileges"))
        // Four times a target's CPU weight: a fork bomb or busy loop in the target (weight 512)
        // must not slow down the probe that observes it.
        .withCpuShares(4096)
        .withMemory(256L << 20)
        .withMemorySwap(256L << 20);
    return docker.createContainerCmd(kitImage).withCmd(agent).withUser("0:0").withWorkingDir("/")
        .withStdinOpen(true).withStdInOnce(false).withAttachStdin(true).withAttachStdout(true)
        .withAttachStderr(true).withTty(false)
        .withLabels(Labels.forRole("probe")).withHostConfig(host).exec().getId();
  }
}
