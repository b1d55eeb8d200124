package org.sockspec.bench.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sockspec.bench.Target;

/** A {@link ProcessSlot} while one spec holds it. */
final class ProcessLane implements Lane {
  private final ProcessSlot slot;
  private final Target target;
  private final LanePool<ProcessSlot> pool;
  private boolean released;

  ProcessLane(ProcessSlot slot, Target target, LanePool<ProcessSlot> pool) {
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
    return slot.startProgram(command, output, onClosed);
  }

  @Override
  public Optional<LimitsHit> limitsHit() {
    try {
      return Optional.of(slot.limitsHit());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The program cannot end the lane (it cannot signal the probe, root's): only its limits can be to blame. */
  @Override
  public BenchBreak breakage() {
    return new BenchBreak(true, new BenchBreak.ContainerState(true, false, 0), limitsHit().orElse(null));
  }

  @Override
  public String describe() {
    return slot.describe();
  }

  @Override
  public void release() {
    if (!released) {
      released = true;
      pool.giveBack(slot, target);
    }
  }
}
