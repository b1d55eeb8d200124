package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sockspec.bench.EngineUnavailableException;

/**
 * The container engine, reached through the Docker API only, with docker-java (so a remote engine
 * works too: {@code DOCKER_HOST}, and {@code DOCKER_TLS_VERIFY} with {@code DOCKER_CERT_PATH} for
 * TLS, as Docker's own clients take them). Nothing is ever pulled: there may be no registry.
 *
 * <p>On first use it pings the engine, failing with a message that says what to start otherwise,
 * and removes what runs that died (kill -9) left behind: containers labelled with a session whose
 * JVM is gone. There is no reaper container (Ryuk's image cannot be pulled): the labels are the kit's
 * own reaper.
 */
public final class Engine {
  private static volatile DockerClient client;

  private Engine() {}

  public static DockerClient client() {
    DockerClient c = client;
    if (c == null) {
      synchronized (Engine.class) {
        if (client == null) {
          Trace.log("engine: connecting");
          DockerClient connected;
          try {
            connected = connect();
            connected.pingCmd().exec();
          } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                "no container engine answers (" + rootCause(e) + "). Start one with "
                    + "scripts/ensure-engine.sh, or set DOCKER_HOST to an engine that runs.", e);
          }
          Trace.log("engine: connected");
          removeLeftovers(connected);
          Trace.log("engine: leftovers swept");
          client = connected;
        }
        c = client;
      }
    }
    return c;
  }

  /** A client for the engine the environment names (DOCKER_HOST...), the local socket by default. */
  private static DockerClient connect() {
    DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .connectionTimeout(Duration.ofSeconds(10))
        .build();
    return DockerClientImpl.getInstance(config, http);
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
