package org.sockspec.bench.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where one spec runs, while it runs: a network and pid namespace holding the program under test
 * and the probe that drives and observes it, with the target's files in place. A {@link
 * org.sockspec.bench.Bench} is made of one; how the lane is made (containers, or a process sandbox)
 * is its {@link Sandbox}'s business, and nothing a spec sees depends on it.
 *
 * <p>A lane is as new when taken: no process of the program, no socket of an earlier spec, empty
 * scratch folders, limits counted from zero. Releasing it ends what the spec left behind.
 */
public interface Lane {
  /** The probe agent in the lane's namespace. */
  ProbeChannel probe();

  /** The probe agent's pid in the lane's pid namespace (its sockets are the kit's). */
  int probePid();

  /** Starts {@code command} as the program under test, in its folder, as its uid. */
  ProgramSession start(List<String> command, Consumer<byte[]> output, Runnable onClosed);

  /** The kernel's counts of limits the program hit since the lane was taken, where they can be read. */
  Optional<LimitsHit> limitsHit();

  /** After the lane broke mid-spec: the facts about it (see {@link BenchBreak}). */
  BenchBreak breakage();

  /** "target 0123456789ab, probe ba9876543210": for the transcript. */
  String describe();

  /** Ends everything the spec left and gives the lane back (or discards it when it cannot be proven clean). */
  void release();
}
