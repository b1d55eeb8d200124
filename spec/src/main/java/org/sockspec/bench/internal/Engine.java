package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The container engine, reached through the Docker API only (so a remote DOCKER_HOST works too).
 *
 * <p>On first use it checks that Testcontainers is configured for a machine without a registry
 * (host set explicitly, Ryuk off), fails with a message that says what to set otherwise, and
 * removes what runs that died (kill -9) left behind: containers labelled with a session whose JVM
 * is gone.
 */
public final class Engine {
  private static volatile DockerClient client;

  private Engine() {}

  public static DockerClient client() {
    DockerClient c = client;
    if (c == null) {
      synchronized (Engine.class) {
        if (client == null) {
          checkConfiguration();
          try {
            client = DockerClientFactory.instance().client();
          } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                "no container engine answers (" + rootCause(e) + "). Start one with "
                    + "scripts/ensure-engine.sh, or set DOCKER_HOST to an engine that runs.", e);
          }
          removeLeftovers(client);
        }
        c = client;
      }
    }
    return c;
  }

  /**
   * Without these two settings Testcontainers would try to pull images (alpine to find the
   * gateway when /.dockerenv exists, and Ryuk), and a pull hangs for minutes where there is no
   * registry. Fail at once, saying what to set, instead.
   */
  static void checkConfiguration() {
    Map<String, String> env = System.getenv();
    if (!"true".equalsIgnoreCase(env.getOrDefault("TESTCONTAINERS_RYUK_DISABLED", ""))) {
      throw new EngineUnavailableException("TESTCONTAINERS_RYUK_DISABLED=true is not set. sockspec "
          + "never pulls images and cleans up its own containers; run it through ./sockspec or "
          + "mvn (which set it), or export TESTCONTAINERS_RYUK_DISABLED=true.", null);
    }
    if (Files.exists(Path.of("/.dockerenv")) && env.getOrDefault("TESTCONTAINERS_HOST_OVERRIDE", "").isBlank()) {
      throw new EngineUnavailableException("/.dockerenv exists, so Testcontainers would start a "
          + "helper container (a pull) to find the engine's address. Export "
          + "TESTCONTAINERS_HOST_OVERRIDE=localhost (./sockspec and mvn set it).", null);
    }
  }

  /**
   * Removes the containers of kit runs on this host whose JVM no longer runs (killed with -9, say);
   * returns how many. Runs once when the kit first reaches the engine; callable again.
   */
  public static int removeLeftovers() {
    return removeLeftovers(client());
  }

  static int removeLeftovers(DockerClient docker) {
    int removed = 0;
    List<Container> ours = docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Labels.KIT, "true")).exec();
    String host = Labels.host();
    for (Container container : ours) {
      String session = container.getLabels().getOrDefault(Labels.SESSION, "");
      int colon = session.lastIndexOf(':');
      if (colon < 0 || !session.substring(0, colon).equals(host)) {
        continue; // another machine's run, sharing this engine: not ours to judge
      }
      long pid = Long.parseLong(session.substring(colon + 1));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (!alive) {
        remove(docker, container.getId());
        removed++;
      }
    }
    return removed;
  }

  static void remove(DockerClient docker, String containerId) {
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (RuntimeException e) {
      // already gone (removed by a concurrent cleanup, or by --rm): nothing left to do
    }
  }

  static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
