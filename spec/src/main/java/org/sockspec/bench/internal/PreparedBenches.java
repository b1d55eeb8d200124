package org.sockspec.bench.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Opens the next bench's containers while the current spec runs: specs of one program come one
 * after another, and opening costs about 0.45 s (two containers and a JVM) that need not be on the
 * critical path. At most {@link #MAX_WAITING} benches wait, for any images and limits (the oldest
 * is discarded beyond that; several may wait for the same image when several specs of one program
 * run at once, as grading does); those still waiting at exit are removed by a shutdown hook, or by
 * the next run's leftover sweep if the JVM is killed.
 *
 * <p>Set the system property {@code sockspec.prepare=false} to open every bench on demand.
 */
public final class PreparedBenches {
  private static final int MAX_WAITING = 2;
  private static final boolean ENABLED = !"false".equals(System.getProperty("sockspec.prepare"));
  private static final ExecutorService OPENER = Executors.newFixedThreadPool(MAX_WAITING, runnable -> {
    Thread thread = new Thread(runnable, "sockspec-bench-opener");
    thread.setDaemon(true);
    return thread;
  });
  /** Oldest first, each tagged with its key (image and limits). */
  private static final Deque<Waiting> WAITING = new ArrayDeque<>();

  private record Waiting(String key, CompletableFuture<BenchContainers> containers) {}

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(PreparedBenches::discardAll, "sockspec-bench-discard"));
  }

  private PreparedBenches() {}

  /**
   * Containers for {@code image} and {@code limits}: one opened ahead if there is one, else new ones.
   * When {@code prepareNext}, the next ones are opened ahead now.
   */
  public static BenchContainers take(String image, SandboxLimits limits, boolean prepareNext) {
    if (!ENABLED) {
      return BenchContainers.open(image, limits);
    }
    String key = image + "|" + limits;
    CompletableFuture<BenchContainers> ahead = null;
    synchronized (WAITING) {
      for (Iterator<Waiting> it = WAITING.iterator(); it.hasNext(); ) {
        Waiting waiting = it.next();
        if (waiting.key().equals(key)) {
          it.remove();
          ahead = waiting.containers();
          break;
        }
      }
    }
    BenchContainers containers = ahead == null ? null : await(ahead);
    if (containers == null) {
      containers = BenchContainers.open(image, limits);
    }
    if (prepareNext) {
      prepare(key, image, limits);
    }
    return containers;
  }

  private static void prepare(String key, String image, SandboxLimits limits) {
    CompletableFuture<BenchContainers> next = CompletableFuture.supplyAsync(() -> BenchContainers.open(image, limits), OPENER);
    Waiting evicted = null;
    synchronized (WAITING) {
      WAITING.addLast(new Waiting(key, next));
      if (WAITING.size() > MAX_WAITING) {
        evicted = WAITING.removeFirst();
      }
    }
    if (evicted != null) {
      evicted.containers().thenAccept(BenchContainers::discard);
    }
  }

  /** The containers opened ahead, or null when opening them failed (the caller opens anew). */
  private static BenchContainers await(CompletableFuture<BenchContainers> ahead) {
    try {
      return ahead.get(BenchContainers.OPEN_BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      ahead.thenAccept(BenchContainers::discard);
      return null;
    }
  }

  /** Removes every bench still waiting (a run's end); bounded. */
  public static void discardAll() {
    List<Waiting> all;
    synchronized (WAITING) {
      all = new ArrayList<>(WAITING);
      WAITING.clear();
    }
    for (Waiting waiting : all) {
      try {
        waiting.containers().get(BenchContainers.OPEN_BOUND.toSeconds(), TimeUnit.SECONDS).discard();
      } catch (Exception e) {
        // it failed to open, or is still opening at exit: the next run's leftover sweep removes it
      }
    }
    Remover.drain();
  }
}
