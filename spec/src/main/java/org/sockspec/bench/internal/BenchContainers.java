package org.sockspec.bench.internal;

import java.time.Duration;

/**
 * A target container and the probe joined to its namespaces, with the probe agent started: what a
 * bench is made of, before any spec has touched it. Nothing has run in it, so one opened ahead of
 * time is as fresh as one opened on demand.
 */
public record BenchContainers(TargetContainer target, ProbeContainer probe, ProbeChannel channel) {

  /** Starts a target from {@code image} with {@code limits}, its probe, and the probe agent. */
  public static BenchContainers open(String image, SandboxLimits limits) {
    Engine.client();
    TargetContainer t = new TargetContainer(image, limits);
    ProbeContainer p = null;
    try {
      t.start();
      p = new ProbeContainer(KitImage.name(), t.getContainerId());
      p.start();
      return new BenchContainers(t, p, new ProbeChannel(p.getContainerId()));
    } catch (RuntimeException e) {
      Remover.removeLater(p == null ? new TargetContainer[] {t} : new org.testcontainers.containers.GenericContainer<?>[] {p, t});
      throw e;
    }
  }

  /** Ends the probe agent and removes both containers, in the background. */
  public void discard() {
    try {
      channel.close();
    } finally {
      // Probe first: it lives in the target's namespaces.
      Remover.removeLater(probe, target);
    }
  }

  /** A bound for waiting on containers being opened elsewhere: as long as opening may take. */
  static final Duration OPEN_BOUND = Duration.ofSeconds(60);
}
