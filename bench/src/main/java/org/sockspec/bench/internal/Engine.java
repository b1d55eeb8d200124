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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sockspec.bench.EngineAddress;
import org.sockspec.bench.EngineUnavailableException;

/**
 * A container engine, reached through the Docker API only, with docker-java: the one the
 * environment names ({@code DOCKER_HOST}, and {@code DOCKER_TLS_VERIFY} with {@code DOCKER_CERT_PATH}
 * for TLS, as Docker's own clients take them; the local socket by default), or one of a grader's
 * pool at its {@link EngineAddress}. Nothing is ever pulled: there may be no registry.
 *
 * <p>Each engine has its own client, its own copy of the kit image and its own lanes. On first
 * contact it pings the engine, failing with a message that says what to start otherwise, and
 * removes what runs that died (kill -9) left behind: containers labelled with a session whose JVM is
 * gone. There is no reaper container (Ryuk's image cannot be pulled): the labels are the kit's own
 * reaper.
 */
public final class Engine {
  private static final Engine ENVIRONMENT = new Engine(null);
  private static final ConcurrentMap<EngineAddress, Engine> ADDRESSED = new ConcurrentHashMap<>();
  /** How long a connection may take to open; a call's own answer is not bounded (attach streams last). */
  private static final Duration CONNECT_BOUND = Duration.ofSeconds(10);

  private final EngineAddress address;
  private volatile DockerClient docker;
  private volatile int cores;
  private volatile String kitImage;
  private volatile ContainerSandbox sandbox;
  private volatile LimitCounters limitCounters = LimitCounters.NOT_SEEN_YET;

  /**
   * Whether the kernel's counts of limits hit in its containers (OOM kills, refused forks) can be
   * read here: they are in the cgroup files of the engine's host, so only where that host is this
   * machine. Elsewhere a limit is read from what the program reports (see {@code LimitReading}).
   */
  public enum LimitCounters {
    READ_HERE("the kernel's counters (its host's cgroup files, read on this machine)"),
    NOT_READABLE("what the program reports (its host's cgroup files are not on this machine)"),
    NOT_SEEN_YET("not known yet (no container made there yet)");

    private final String description;

    LimitCounters(String description) {
      this.description = description;
    }

    /** Where limits evidence comes from, for a person. */
    public String description() {
      return description;
    }
  }

  private Engine(EngineAddress address) {
    this.address = address;
  }

  /** The engine the environment names. */
  public static Engine environment() {
    return ENVIRONMENT;
  }

  /** The engine at {@code address}; the environment's when it is null. One object per address. */
  public static Engine at(EngineAddress address) {
    return address == null ? ENVIRONMENT : ADDRESSED.computeIfAbsent(address, Engine::new);
  }

  /** Where it is, for a person: its URL, or what the environment names. */
  public String describe() {
    if (address != null) {
      return address.url().toString();
    }
    String host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? "the local engine" : host;
  }

  /** Its address; null for the environment's engine. */
  public EngineAddress address() {
    return address;
  }

  /**
   * The engine's client, connected: the first call pings it and sweeps dead runs' leftovers.
   *
   * @throws EngineUnavailableException when it does not answer
   */
  public DockerClient docker() {
    DockerClient c = docker;
    if (c == null) {
      synchronized (this) {
        if (docker == null) {
          Trace.log("engine " + describe() + ": connecting");
          DockerClient connected;
          try {
            connected = client(null);
            connected.pingCmd().exec();
          } catch (RuntimeException e) {
            throw new EngineUnavailableException(unavailable(e), e);
          }
          cores = coresOf(connected);
          Trace.log("engine " + describe() + ": connected, " + cores + " cores");
          removeLeftovers(connected);
          Trace.log("engine " + describe() + ": leftovers swept");
          docker = connected;
        }
        c = docker;
      }
    }
    return c;
  }

  private String unavailable(RuntimeException e) {
    if (address != null) {
      return "the engine " + address.url() + " does not answer (" + rootCause(e) + "): start it, or leave it out of "
          + "the engines file.";
    }
    return "no container engine answers (" + rootCause(e) + "). Start one with scripts/ensure-engine.sh, or set "
        + "DOCKER_HOST to an engine that runs.";
  }

  /** How many cores the engine's machine has (its own count): how many lanes it runs by default. */
  public int cores() {
    docker();
    return cores;
  }

  private static int coresOf(DockerClient docker) {
    try {
      Integer n = docker.infoCmd().exec().getNCPU();
      return n != null && n > 0 ? n : Runtime.getRuntime().availableProcessors();
    } catch (RuntimeException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * A new client for this engine, its answers bounded by {@code answerBound} (null: unbounded, for
   * streams that last, such as an attached probe). Not connected, nothing swept.
   */
  DockerClient client(Duration answerBound) {
    DockerClientConfig config = configOf(address);
    ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .connectionTimeout(CONNECT_BOUND);
    if (answerBound != null) {
      http.responseTimeout(answerBound);
    }
    DockerHttpClient built = http.build();
    return DockerClientImpl.getInstance(config, built);
  }

  /** How to reach it: its URL and TLS material (for a connection of the kit's own, {@link ExecStreams}). */
  DockerClientConfig config() {
    return configOf(address);
  }

  private static DockerClientConfig configOf(EngineAddress address) {
    DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (address != null) {
      config.withDockerHost(address.url().toString()).withDockerTlsVerify(address.tls() != null);
      if (address.tls() != null) {
        config.withDockerCertPath(address.tls().toString());
      }
    }
    return config.build();
  }

  /** The kit image on this engine, made there once (from its runtime image, which must be there). */
  public String kitImage() {
    String image = kitImage;
    if (image == null) {
      synchronized (this) {
        if (kitImage == null) {
          kitImage = KitImage.ensure(docker());
          Trace.log("engine " + describe() + ": kit image " + kitImage + " ready");
        }
        image = kitImage;
      }
    }
    return image;
  }

  /** Where the evidence of limits hit on this engine comes from, as its first target showed. */
  public LimitCounters limitCounters() {
    return limitCounters;
  }

  void sawTarget(TargetContainer target) {
    if (limitCounters == LimitCounters.NOT_SEEN_YET) {
      limitCounters = target.limitsHit().isPresent() ? LimitCounters.READ_HERE : LimitCounters.NOT_READABLE;
    }
  }

  /** Its container bench: lanes of target and probe containers made on this engine. */
  Sandbox sandbox() {
    ContainerSandbox s = sandbox;
    if (s == null) {
      synchronized (this) {
        if (sandbox == null) {
          sandbox = new ContainerSandbox(this);
        }
        s = sandbox;
      }
    }
    return s;
  }

  /**
   * After the engine was lost: lets go of its client, lanes and image check, so that its next use
   * starts afresh (connects, sweeps, checks the image again). Its containers are not touched: see
   * {@link #removeOwnContainers}.
   */
  public synchronized void forget() {
    docker = null;
    kitImage = null;
    sandbox = null;
  }

  /**
   * Removes the kit runs' containers on this engine whose JVM no longer runs (killed with -9, say);
   * returns how many. Runs when the kit first reaches the engine; callable again.
   */
  public int removeLeftovers() {
    return removeLeftovers(docker());
  }

  private static int removeLeftovers(DockerClient docker) {
    int removed = 0;
    String host = Labels.host();
    for (Container container : kitContainers(docker)) {
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

  /**
   * Removes every container this JVM made on the engine: after it was lost and answers again, what
   * its lanes held then is of no use (their specs were graded again elsewhere). Returns how many.
   * Call it before the engine is used again ({@link #forget} first).
   */
  public int removeOwnContainers() {
    DockerClient fresh = client(Duration.ofSeconds(60));
    int removed = 0;
    for (Container container : kitContainers(fresh)) {
      if (Labels.session().equals(container.getLabels().get(Labels.SESSION))) {
        remove(fresh, container.getId());
        removed++;
      }
    }
    return removed;
  }

  private static List<Container> kitContainers(DockerClient docker) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.KIT, "true")).exec();
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

  @Override
  public String toString() {
    return describe();
  }
}
