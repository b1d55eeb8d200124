package org.sockspec.bench.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sockspec.bench.Target;

/** A {@link ContainerSlot} while one spec holds it. */
final class ContainerLane implements Lane {
  private final ContainerSlot slot;
  private final Target target;
  private final LanePool<ContainerSlot> pool;
  private boolean released;

  ContainerLane(ContainerSlot slot, Target target, LanePool<ContainerSlot> pool) {
    this.slot = slot;
    this.target = target;
    this.pool = pool;
  }

  @Override
  public ProbeChannel probe() {
    return slot.channel();
  }

  @Override
  public int probePid() {
    return slot.probePid();
  }

  @Override
  public ProgramSession start(List<String> command, Consumer<byte[]> output, Runnable onClosed) {
    return ExecSession.start(slot.docker(), slot.engineConfig(), slot.target().id(), TargetContainer.USER, org.sockspec.bench.Target.LAB_DIR, command,
        output, onClosed);
  }

  /** Counted from the lane's taking: the slot's counters only grow, spec after spec. */
  @Override
  public Optional<LimitsHit> limitsHit() {
    return slot.limitsHit();
  }

  @Override
  public BenchBreak breakage() {
    return BenchBreak.of(slot.docker(), slot.target(), limitsHit().orElse(null));
  }

  @Override
  public String describe() {
    return "target " + slot.target().id().substring(0, 12) + ", probe " + slot.probeId().substring(0, 12);
  }

  @Override
  public void release() {
    if (released) {
      return;
    }
    released = true;
    pool.giveBack(slot, target);
  }
}
