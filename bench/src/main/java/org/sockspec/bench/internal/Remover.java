package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Removes discarded slots' containers off the critical path, several at once (each removal is
 * mostly the engine's waiting). Removal is {@code docker rm -f}: it kills whatever the program left
 * running. A shutdown hook waits for pending removals; if the JVM is killed first, the next run's
 * leftover sweep removes them.
 */
public final class Remover {
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "sockspec-remover");
    thread.setDaemon(true);
    return thread;
  });
  private static int pending;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Remover::drain, "sockspec-remover-drain"));
  }

  private Remover() {}

  /** Removes the containers ({@code docker rm -f}) of the engine {@code docker} reaches, in the order given, in the background. */
  public static void removeLater(DockerClient docker, List<String> containerIds) {
    synchronized (Remover.class) {
      pending++;
    }
    EXECUTOR.execute(() -> {
      try {
        containerIds.forEach(id -> Engine.remove(docker, id));
      } finally {
        synchronized (Remover.class) {
          pending--;
          Remover.class.notifyAll();
        }
      }
    });
  }

  /** Waits (bounded) until every removal asked for so far is done. */
  public static void drain() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    synchronized (Remover.class) {
      while (pending > 0 && System.nanoTime() < deadline) {
        try {
          TimeUnit.NANOSECONDS.timedWait(Remover.class, deadline - System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return; // best effort at exit: what is left is swept by the next run
        }
      }
    }
  }
}
