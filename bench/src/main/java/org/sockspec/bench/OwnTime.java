package org.sockspec.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;

/**
 * One window a program is given (to listen, to print, to exit), counted as its own time: the
 * window, and once it has run out, what a busy machine took from the program meanwhile, up to one
 * window more. So a verdict does not depend on the machine's load.
 *
 * <p>What the machine took is what the kernel counted for the program's most delayed thread (its
 * wait for a CPU and for the disk, read by the probe), and, while the probe sees a thread of the
 * program in uninterruptible sleep (state D), the time it has been seen there: the kernel adds a
 * wait to its counts only when the wait ends, so one longer than the window (a disk that answers
 * after seconds on a busy machine) would otherwise never count. The most of the two, never their
 * sum: the held time is counted again by the kernel once the wait ends. A program that holds
 * itself in state D (a vfork whose child never execs) gains at most the one window more.
 */
final class OwnTime {
  /** How soon to look again while the program is held in a wait the kernel has not counted yet. */
  private static final Duration HELD_POLL = Duration.ofMillis(200);

  private final long startNanos;
  private final Duration window;
  private final Supplier<MachineWait> ask;
  private final LongSupplier clock;
  /** The most the kernel was seen to have counted. */
  private MachineWait counted = MachineWait.NONE;
  /** The most time taken so far: the kernel's count, or the count when a hold began and the hold since. */
  private long takenMs;
  /** When the current uninterruptible sleep was first seen (System.nanoTime()), -1 when there is none. */
  private long heldSinceNanos = -1;
  private long countedWhenHeldMs;

  /** {@code ask} asks the probe (it may throw: the probe cannot tell, and the window stays as it is). */
  OwnTime(long startNanos, Duration window, Supplier<MachineWait> ask) {
    this(startNanos, window, ask, System::nanoTime);
  }

  /** With the clock (nanoseconds, as System.nanoTime()) it counts by. */
  OwnTime(long startNanos, Duration window, Supplier<MachineWait> ask, LongSupplier clock) {
    this.startNanos = startNanos;
    this.window = window;
    this.ask = ask;
    this.clock = clock;
  }

  /** Takes in what the probe answered of the program's waits (an await's answer, say). */
  synchronized void observe(MachineWait now) {
    long at = clock.getAsLong();
    if (now.totalMs() > counted.totalMs()) {
      counted = now;
    }
    takenMs = Math.max(takenMs, counted.totalMs());
    if (!now.heldNow()) {
      heldSinceNanos = -1;
      return;
    }
    if (heldSinceNanos < 0) {
      heldSinceNanos = at;
      countedWhenHeldMs = counted.totalMs();
    }
    takenMs = Math.max(takenMs, countedWhenHeldMs + (at - heldSinceNanos) / 1_000_000);
  }

  /** What is left of the window from what was observed; zero or less: it has run out. */
  synchronized Duration left() {
    long elapsedNanos = clock.getAsLong() - startNanos;
    long windowNanos = window.toNanos();
    long left = windowNanos + Math.min(takenMs, window.toMillis()) * 1_000_000 - elapsedNanos;
    if (left <= 0 && heldSinceNanos >= 0 && elapsedNanos < 2 * windowNanos) {
      left = Math.min(HELD_POLL.toNanos(), 2 * windowNanos - elapsedNanos); // held still: look again
    }
    return Duration.ofNanos(left);
  }

  /** As {@link #left()}, asking the probe first once the window itself has run out. */
  Duration leftAfterAsking() {
    if (clock.getAsLong() - startNanos >= window.toNanos()) {
      try {
        observe(ask.get());
      } catch (RuntimeException e) {
        // the probe cannot tell: what was observed so far
      }
    }
    return left();
  }

  /** " of its own time (...)": what the transcript says of a window that ran out, when the machine took some. */
  synchronized String said() {
    if (takenMs == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (counted.cpuMs() > 0) {
      parts.add(counted.cpuMs() + " ms for a CPU");
    }
    if (counted.ioMs() > 0) {
      parts.add(counted.ioMs() + " ms for the disk");
    }
    if (takenMs > counted.totalMs()) {
      parts.add((takenMs - counted.totalMs()) + " ms seen in uninterruptible sleep (state D)");
    }
    String how = parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    return " of its own time (since it started, the machine kept it waiting " + how + ", which is not counted)";
  }
}
