package org.sockspec.bench.internal;

import org.sockspec.bench.Target;

/**
 * The container bench of one {@link Engine}: a {@link LanePool} of {@link ContainerSlot}s, each a
 * target and its probe made from the kit image on that engine, used spec after spec. As many lanes
 * as {@code sockspec.lanes} says, else as many as the engine's machine has cores (a single check:
 * lanes cost more to open than the specs they would run side by side), or more when a grader asks
 * for more. Idle slots are removed at the run's end by a
 * shutdown hook, or by the next run's leftover sweep if the JVM is killed.
 */
final class ContainerSandbox implements Sandbox {
  private final LanePool<ContainerSlot> pool;

  ContainerSandbox(Engine engine) {
    pool = new LanePool<>(number -> ContainerSlot.open(engine, SandboxLimits.DEFAULT), allowed -> {
      Integer set = Integer.getInteger("sockspec.lanes");
      return set != null ? set : Math.max(engine.cores(), allowed);
    });
  }

  @Override
  public Lane take(Target target) {
    return new ContainerLane(pool.take(target), target, pool);
  }

  @Override
  public int lanes() {
    return pool.lanes();
  }

  @Override
  public void allowAtOnce(int specs) {
    pool.allowAtOnce(specs);
  }

  @Override
  public void warm(int specs) {
    pool.warm(specs);
  }

  @Override
  public void shutdown() {
    pool.shutdown();
  }
}
