package org.sockspec.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsHitTest {
  private static final String ID = "3ca724a3602493a1ac48d3d23bf05a012eb0d80302bfc6345762f0c22697e53f";

  @TempDir
  Path root;

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void readsCgroupV1CountersOfTheContainer() throws IOException {
    write("proc/42/cgroup", "8:pids:/docker/" + ID + "\n4:memory:/docker/" + ID + "\n0::/docker/" + ID + "\n");
    write("cg/memory/docker/" + ID + "/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
    write("cg/pids/docker/" + ID + "/pids.events", "max 3418\n");

    LimitsHit hit = LimitsHit.read(root.resolve("proc"), root.resolve("cg"), 42, ID).orElseThrow();

    assertThat(hit).isEqualTo(new LimitsHit(1, 3418));
    assertThat(hit.describe(SandboxLimits.DEFAULT)).contains("out-of-memory killer ended 1 process (limit 512 MB")
        .contains("process limit: 3418 forks were refused (limit 256");
  }

  @Test
  void readsCgroupV2CountersOfTheContainer() throws IOException {
    String scope = "system.slice/docker-" + ID + ".scope";
    write("proc/7/cgroup", "0::/" + scope + "\n");
    write("cg/" + scope + "/memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 2\n");
    write("cg/" + scope + "/pids.events", "max 0\n");

    assertThat(LimitsHit.read(root.resolve("proc"), root.resolve("cg"), 7, ID)).contains(new LimitsHit(2, 0));
  }

  @Test
  void theWatchdogsStopsAreToldAsTheSandboxsNotTheKernels() {
    LimitsHit hit = new LimitsHit(1, 2, 1, LimitsHit.CountedBy.WATCHDOG, 600L << 20);
    assertThat(hit.describe(SandboxLimits.DEFAULT)).isEqualTo("""
        memory limit: the sandbox stopped the program once, its processes together holding 600 MB (limit 512 MB)
        process limit: the sandbox stopped the program 2 times at 256 processes (its limit; forks past it are refused)
        disk limit: the sandbox stopped the program once when it had written more than 32 MB""");
    assertThat(hit.since(new LimitsHit(1, 0, 0, LimitsHit.CountedBy.WATCHDOG, 0)).describe(SandboxLimits.DEFAULT))
        .doesNotContain("memory limit").contains("process limit").doesNotContain("out-of-memory killer");
  }

  @Test
  void noReadingWhenThePidIsNotTheContainersHere() throws IOException {
    // the kit in a container of its own: that host pid is some other process of its namespace
    write("proc/42/cgroup", "0::/user.slice/session-1.scope\n");

    assertThat(LimitsHit.read(root.resolve("proc"), root.resolve("cg"), 42, ID)).isEmpty();
    assertThat(LimitsHit.read(root.resolve("proc"), root.resolve("cg"), 43, ID)).isEmpty();
  }
}
