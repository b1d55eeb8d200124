package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import org.sockspec.bench.Target;
import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeAnswer.Stats;
import org.sockspec.probe.protocol.ProbeRequest.ProbeStats;

/**
 * A target container, the probe container joined to it, and the probe agent running in it: a
 * namespace that serves one spec at a time, spec after spec, for any target (its files are put in
 * place for each one). Between two specs the probe's reset ends what the first left and proves the
 * namespace as new (see the probe's {@code Reset}); a slot that cannot be proven so is discarded.
 * So a spec's verdict never depends on the one before it, while the containers and the probe's JVM
 * are made once for many specs.
 */
final class ContainerSlot implements Slot {
  /** The probe agent's options: where the target is, as the probe container sees it. */
  static final List<String> PROBE_OPTIONS = List.of("--root", "/proc/1/root", "--uid", "1000", "--lab", Target.LAB_DIR,
      "--scratch", "/tmp,/home/lab,/dev/shm,/dev/mqueue");
  private final DockerClient docker;
  private final com.github.dockerjava.core.DockerClientConfig engineConfig;
  private final TargetContainer target;
  private final String probeId;
  private final ProbeChannel channel;
  private final int probePid;
  private final SandboxLimits limits;
  private int uses;
  /** The limits counters when the current spec took the slot: a spec's are counted from there. */
  private volatile LimitsHit baseline;

  private ContainerSlot(DockerClient docker, com.github.dockerjava.core.DockerClientConfig engineConfig,
      TargetContainer target, String probeId, ProbeChannel channel, int probePid, SandboxLimits limits) {
    this.docker = docker;
    this.engineConfig = engineConfig;
    this.target = target;
    this.probeId = probeId;
    this.channel = channel;
    this.probePid = probePid;
    this.limits = limits;
  }

  /** Starts a target from the kit image on {@code engine}, its probe container, and the probe agent. */
  static ContainerSlot open(Engine engine, SandboxLimits limits) {
    Trace.log("slot: opening on " + engine);
    DockerClient docker = engine.docker();
    String image = engine.kitImage(); // the probe's; made from the runtime image, which it proves present
    TargetContainer target = TargetContainer.start(docker, RuntimeImage.name(), limits);
    engine.sawTarget(target);
    Trace.log("slot: target " + target.id().substring(0, 12) + " started");
    String probeId = null;
    try {
      probeId = ProbeContainer.create(docker, image, target.id(),
          ProbeChannel.agentCommand(KitImage.PROBE_CLASSPATH, PROBE_OPTIONS));
      String probeContainer = probeId;
      ProbeChannel channel = new ProbeChannel((output, closed) ->
          new AttachedSession(docker, probeContainer, output, closed));
      Trace.log("slot: probe agent ready, slot " + target.id().substring(0, 12) + " open");
      return new ContainerSlot(docker, engine.config(), target, probeId, channel, channel.agentPid(), limits);
    } catch (RuntimeException e) {
      Remover.removeLater(docker, probeId == null ? List.of(target.id()) : List.of(probeId, target.id()));
      throw e;
    }
  }

  /** Puts {@code target}'s files in the lab folder (owned by root: the program reads, never writes). */
  @Override
  public void prepare(Target target) {
    baseline = target().limitsHit().orElse(null);
    LaneProbe.prepare(channel, target);
  }

  /**
   * Ends what the spec left and proves the namespace as new: true when it may serve another spec.
   * A TIME_WAIT on the spec's port makes it dirty: the namespace is discarded for a new one.
   */
  @Override
  public boolean reset(Target spec) {
    try {
      ResetDone answer = LaneProbe.reset(channel, spec.port(), Duration.ofSeconds(15), Duration.ZERO,
          "slot " + target.id().substring(0, 12));
      if (answer.clean()) {
        uses++;
        return true;
      }
      Trace.log("slot " + target.id().substring(0, 12) + " discarded: " + answer.reasons());
      return false;
    } catch (RuntimeException e) {
      Trace.log("slot " + target.id().substring(0, 12) + " discarded: the reset failed: " + e.getMessage());
      return false;
    }
  }

  /** The kernel's counts of limits hit since the current spec took the slot. */
  java.util.Optional<LimitsHit> limitsHit() {
    LimitsHit from = baseline;
    return target.limitsHit().map(now -> from == null ? now : now.since(from));
  }

  @Override
  public String name() {
    return "slot " + target.id().substring(0, 12);
  }

  /** How to reach the engine it is on, for a connection of the kit's own. */
  com.github.dockerjava.core.DockerClientConfig engineConfig() {
    return engineConfig;
  }

  /** The client of the engine it is on. */
  DockerClient docker() {
    return docker;
  }

  TargetContainer target() {
    return target;
  }

  ProbeChannel channel() {
    return channel;
  }

  int probePid() {
    return probePid;
  }

  String probeId() {
    return probeId;
  }

  SandboxLimits limits() {
    return limits;
  }

  @Override
  public int uses() {
    return uses;
  }

  /** Ends the probe agent and removes both containers, in the background. */
  @Override
  public void discard() {
    if (Trace.on()) {
      try {
        Trace.log("slot " + target.id().substring(0, 12) + " served " + uses + " specs; probe: "
            + channel.call(Duration.ofSeconds(5), new ProbeStats(), Stats.class).verbs());
      } catch (RuntimeException e) {
        Trace.log("slot " + target.id().substring(0, 12) + ": no probe stats (" + e.getMessage() + ")");
      }
    }
    try {
      channel.close();
    } finally {
      // Probe first: it lives in the target's namespaces.
      Remover.removeLater(docker, List.of(probeId, target.id()));
    }
  }
}
