package org.sockspec.bench.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Opens the next bench's containers while the current spec runs: specs of one program come one
 * after another, and opening costs about 0.45 s (two containers and a JVM) that need not be on the
 * critical path. At most {@link #MAX_WAITING} benches wait, one per image and limits (the oldest
 * is discarded beyond that); those still waiting at exit are removed by a shutdown hook, or by the
 * next run's leftover sweep if the JVM is killed.
 *
 * <p>Set the system property {@code sockspec.prepare=false} to open every bench on demand.
 */
public final class PreparedBenches {
  private static final int MAX_WAITING = 2;
  private static final boolean ENABLED = !"false".equals(System.getProperty("sockspec.prepare"));
  private static final ExecutorService OPENER = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sockspec-bench-opener");
    thread.setDaemon(true);
    return thread;
  });
  private static final Map<String, CompletableFuture<BenchContainers>> WAITING = new LinkedHashMap<>();

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
    CompletableFuture<BenchContainers> ahead;
    synchronized (WAITING) {
      ahead = WAITING.remove(key);
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
    CompletableFuture<BenchContainers> evicted = null;
    synchronized (WAITING) {
      WAITING.put(key, next);
      if (WAITING.size() > MAX_WAITING) {
        String oldest = WAITING.keySet().iterator().next();
        evicted = WAITING.remove(oldest);
      }
    }
    if (evicted != null) {
      evicted.thenAccept(BenchContainers::discard);
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
    java.util.List<CompletableFuture<BenchContainers>> all;
    synchronized (WAITING) {
      all = new java.util.ArrayList<>(WAITING.values());
      WAITING.clear();
    }
    for (CompletableFuture<BenchContainers> ahead : all) {
      try {
        ahead.get(BenchContainers.OPEN_BOUND.toSeconds(), TimeUnit.SECONDS).discard();
      } catch (Exception e) {
        // it failed to open, or is still opening at exit: the next run's leftover sweep removes it
      }
    }
    Remover.drain();
  }
}
