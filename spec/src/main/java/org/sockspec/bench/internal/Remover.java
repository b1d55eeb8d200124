package org.sockspec.bench.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Removes finished benches' containers off the critical path: a spec's verdict is known when it
 * ends, so the next spec need not wait for the engine to tear the last one down. Removal is
 * {@code docker rm -f}: it kills whatever the program left running. A shutdown hook waits for
 * pending removals; if the JVM is killed first, the next run's leftover sweep removes them.
 */
public final class Remover {
  private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sockspec-remover");
    thread.setDaemon(true);
    return thread;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Remover::drain, "sockspec-remover-drain"));
  }

  private Remover() {}

  /**
   * Stops and removes the containers, in order, in the background, through Testcontainers (so
   * that it forgets them too, and does not try again at exit).
   */
  public static void removeLater(org.testcontainers.containers.GenericContainer<?>... containers) {
    EXECUTOR.execute(() -> {
      for (org.testcontainers.containers.GenericContainer<?> container : containers) {
        try {
          container.stop();
        } catch (RuntimeException e) {
          // already gone; a container that really stays is swept by the next run's leftover sweep
        }
      }
    });
  }

  /** Waits (bounded) until every removal asked for so far is done. */
  public static void drain() {
    try {
      EXECUTOR.submit(() -> { }).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort at exit: what is left is swept by the next run
    }
  }
}
