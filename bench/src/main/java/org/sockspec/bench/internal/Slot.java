package org.sockspec.bench.internal;

import org.sockspec.bench.Target;

/**
 * What a {@link LanePool} keeps: a namespace with its probe, which serves one spec at a time and
 * is reset and proven clean between them.
 */
interface Slot {
  /** Makes it ready for one spec of {@code target}: the target's files in place, counters from now. */
  void prepare(Target target);

  /**
   * Ends what the spec of {@code target} left and proves the namespace as new: true when it may
   * serve another spec. The target's port matters (a TIME_WAIT there would refuse the next bind).
   */
  boolean reset(Target target);

  /** Ends its probe and removes what it is made of, in the background. */
  void discard();

  /** "slot 0123456789ab": for the trace. */
  String name();

  /** How many specs it served and was proven clean after. */
  int uses();
}
