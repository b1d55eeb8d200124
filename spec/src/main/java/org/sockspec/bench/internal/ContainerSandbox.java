package org.sockspec.bench.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sockspec.bench.Target;

/**
 * The container bench: a pool of {@link ContainerSlot}s, each a target and its probe, made from the
 * kit image and used spec after spec. At most {@link #lanes()} exist at once (system property
 * {@code sockspec.lanes}); a spec takes an idle one, else opens one while there is room, else waits
 * for one to be given back. A slot given back is reset in the background (off the next spec's
 * path) and is idle again only once proven clean; otherwise it is discarded and a fresh one is
 * opened when needed. Idle slots are removed at the run's end by a shutdown hook, or by the next
 * run's leftover sweep if the JVM is killed.
 */
final class ContainerSandbox implements Sandbox {
  static final ContainerSandbox INSTANCE = new ContainerSandbox();
  /** How long a spec may wait for a lane: every spec is bounded, so this only guards a bug. */
  private static final Duration TAKE_BOUND = Duration.ofMinutes(10);
  private static final AtomicLong DISCARDED = new AtomicLong();
  private static volatile Consumer<List<String>> discardLog = reasons -> { };

  private final Deque<ContainerSlot> idle = new ArrayDeque<>();
  private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sockspec-lanes");
    thread.setDaemon(true);
    return thread;
  });
  private int existing;
  private int opening;
  private int resetting;
  private volatile int allowed;

  private ContainerSandbox() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sockspec-lanes-shutdown"));
  }

  /**
   * How many lanes may exist at once: {@code sockspec.lanes}, else as many as the cores (a single
   * check: lanes cost more to open than the specs they would run side by side), or more when a
   * grader asked for more ({@link #allowAtOnce}).
   */
  @Override
  public int lanes() {
    Integer set = Integer.getInteger("sockspec.lanes");
    return set != null ? set : Math.max(Runtime.getRuntime().availableProcessors(), allowed);
  }

  @Override
  public synchronized void allowAtOnce(int specs) {
    allowed = Math.max(allowed, specs);
    notifyAll();
  }

  @Override
  public Lane take(Target target) {
    Trace.log("lane wanted for " + target);
    ContainerSlot slot = acquire();
    Trace.log("lane taken: slot " + slot.target().id().substring(0, 12) + " (used " + slot.uses() + " times)");
    LimitsHit baseline = slot.limitsNow();
    try {
      slot.stage(target);
    } catch (RuntimeException e) {
      giveBack(slot, target.port());
      throw e;
    }
    return new ContainerLane(slot, target.port(), baseline, this);
  }

  @Override
  public void warm(int specs) {
    Trace.log("warm for " + specs + " specs");
    int wanted;
    synchronized (this) {
      // idle slots are among the existing ones: only what is missing is opened
      wanted = Math.max(0, Math.min(specs, lanes()) - existing - opening);
      opening += wanted;
    }
    for (int i = 0; i < wanted; i++) {
      background.execute(() -> {
        ContainerSlot slot = null;
        try {
          slot = ContainerSlot.open(SandboxLimits.DEFAULT);
        } catch (RuntimeException e) {
          // a spec that needs the lane opens one itself, and reports what fails then
        }
        synchronized (this) {
          opening--;
          if (slot != null) {
            existing++;
            idle.addLast(slot);
          }
          notifyAll();
        }
      });
    }
  }

  private ContainerSlot acquire() {
    long deadline = System.nanoTime() + TAKE_BOUND.toNanos();
    synchronized (this) {
      while (true) {
        ContainerSlot slot = idle.pollFirst();
        if (slot != null) {
          return slot;
        }
        if (existing + opening < lanes()) {
          opening++;
          break;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new KitException("no lane came free within " + TAKE_BOUND.toMinutes() + " minutes");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KitException("interrupted while waiting for a lane");
        }
      }
    }
    try {
      ContainerSlot slot = ContainerSlot.open(SandboxLimits.DEFAULT);
      synchronized (this) {
        existing++;
      }
      return slot;
    } finally {
      synchronized (this) {
        opening--;
        notifyAll();
      }
    }
  }

  /** Resets {@code slot} in the background; idle again once proven clean, else discarded. */
  void giveBack(ContainerSlot slot, int port) {
    synchronized (this) {
      resetting++;
    }
    background.execute(() -> {
      boolean clean = slot.reset(port);
      synchronized (this) {
        resetting--;
        if (clean) {
          idle.addFirst(slot); // the most recently used first: its pages are warm
        } else {
          existing--;
        }
        notifyAll();
      }
      if (!clean) {
        slot.discard();
      }
    });
  }

  /** Discards a slot that broke (its containers or its probe lost). */
  void lose(ContainerSlot slot) {
    synchronized (this) {
      existing--;
      notifyAll();
    }
    slot.discard();
  }

  /** Waits (bounded) for the resets under way, then discards every idle slot. */
  @Override
  public void shutdown() {
    List<ContainerSlot> all;
    synchronized (this) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (resetting > 0 && System.nanoTime() < deadline) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      all = List.copyOf(idle);
      idle.clear();
      existing -= all.size();
    }
    Trace.log("shutdown: discarding " + all.size() + " idle slots");
    all.forEach(ContainerSlot::discard);
    Remover.drain();
    Trace.log("shutdown: done");
  }

  /** How many slots were discarded because a reset could not prove them clean (a figure for benchmarks). */
  static long discarded() {
    return DISCARDED.get();
  }

  /** Where the reasons a slot was discarded are told (a benchmark's log); by default nowhere. */
  static void onDiscard(Consumer<List<String>> log) {
    discardLog = log;
  }

  static void noteDiscarded(List<String> reasons) {
    DISCARDED.incrementAndGet();
    discardLog.accept(reasons);
  }
}
