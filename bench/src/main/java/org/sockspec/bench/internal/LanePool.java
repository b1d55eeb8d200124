package org.sockspec.bench.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.sockspec.bench.KitException;
import org.sockspec.bench.Target;

/**
 * A pool of {@link Slot}s used spec after spec: at most {@link #lanes()} exist at once; a spec takes
 * an idle one, else opens one while there is room, else waits for one to be given back. A slot given
 * back is reset in the background (off the next spec's path) and is idle again only once proven
 * clean; otherwise it is discarded and a fresh one is opened when needed. Idle slots are discarded
 * at the run's end.
 *
 * @param <S> the kind of slot
 */
final class LanePool<S extends Slot> {
  /** How long a spec may wait for a lane: every spec is bounded, so this only guards a bug. */
  private static final Duration TAKE_BOUND = Duration.ofMinutes(10);
  private final IntFunction<S> opener;
  private final IntFunction<Integer> capacity;
  private final Deque<S> idle = new ArrayDeque<>();
  private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sockspec-lanes");
    thread.setDaemon(true);
    return thread;
  });
  private int existing;
  private int opening;
  private int resetting;
  private int opened;

  /**
   * {@code opener} makes the slot with the given serial number (0, 1, ...); {@code capacity} says
   * how many may exist, given how many a caller allowed (see {@link #allowAtOnce}).
   */
  LanePool(IntFunction<S> opener, IntFunction<Integer> capacity) {
    this.opener = opener;
    this.capacity = capacity;
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sockspec-lanes-shutdown"));
  }

  private volatile int allowed;

  int lanes() {
    return capacity.apply(allowed);
  }

  synchronized void allowAtOnce(int specs) {
    allowed = Math.max(allowed, specs);
    notifyAll();
  }

  /** A slot made ready for {@code target}: an idle one, a new one, or, when all are busy, the next freed. */
  S take(Target target) {
    Trace.log("lane wanted for " + target);
    S slot = acquire();
    Trace.log("lane taken: " + slot.name() + " (used " + slot.uses() + " times)");
    try {
      slot.prepare(target);
    } catch (RuntimeException e) {
      giveBack(slot, target);
      throw e;
    }
    return slot;
  }

  /** Opens, in the background, what {@code specs} specs about to run will need (a hint). */
  void warm(int specs) {
    Trace.log("warm for " + specs + " specs");
    int wanted;
    int first;
    synchronized (this) {
      // idle slots are among the existing ones: only what is missing is opened
      wanted = Math.max(0, Math.min(specs, lanes()) - existing - opening);
      opening += wanted;
      first = opened;
      opened += wanted;
    }
    for (int i = 0; i < wanted; i++) {
      int number = first + i;
      background.execute(() -> {
        S slot = null;
        try {
          slot = opener.apply(number);
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

  private S acquire() {
    long deadline = System.nanoTime() + TAKE_BOUND.toNanos();
    int number;
    synchronized (this) {
      while (true) {
        S slot = idle.pollFirst();
        if (slot != null) {
          return slot;
        }
        if (existing + opening < lanes()) {
          opening++;
          number = opened++;
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
      S slot = opener.apply(number);
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

  /** Resets {@code slot} after a spec of {@code target}, in the background; idle again once proven clean, else discarded. */
  void giveBack(S slot, Target target) {
    synchronized (this) {
      resetting++;
    }
    background.execute(() -> {
      boolean clean = slot.reset(target);
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

  /** Waits (bounded) for the resets under way, then discards every idle slot. */
  void shutdown() {
    List<S> all;
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
    all.forEach(Slot::discard);
    Remover.drain();
    Trace.log("shutdown: done");
  }
}
