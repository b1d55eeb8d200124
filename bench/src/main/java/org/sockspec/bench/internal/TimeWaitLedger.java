package org.sockspec.bench.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The time each submission has made the grader wait for a TIME_WAIT of its own on the lab's port,
 * where the namespace is the machine's and cannot be discarded for a new one (the process sandbox
 * inside a platform): a connection the program closed first, or one between two of its own sockets
 * (the kit resets its own connections, which leave none). The next server there could not bind
 * without SO_REUSEADDR until it ends, so someone waits: the submission that made it, up to
 * {@link #BUDGET} in all, after which its specs that start a program on that port fail at once (see
 * {@link org.sockspec.bench.OwnTimeWait}); a later submission's spec waits it out, never charged.
 */
final class TimeWaitLedger {
  /** One TIME_WAIT's 60 s, and a little more: a submission that makes one is waited for once. */
  static final Duration BUDGET = Duration.ofSeconds(70);
  private final Map<String, Long> spentMs = new HashMap<>();

  /** Whether {@code source} may still have {@code wait} waited for it. */
  synchronized boolean affords(String source, Duration wait) {
    return spentMs.getOrDefault(source, 0L) + wait.toMillis() <= BUDGET.toMillis();
  }

  synchronized void charge(String source, Duration waited) {
    spentMs.merge(source, waited.toMillis(), Long::sum);
  }

  synchronized Duration spent(String source) {
    return Duration.ofMillis(spentMs.getOrDefault(source, 0L));
  }
}
