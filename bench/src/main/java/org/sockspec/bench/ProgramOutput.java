package org.sockspec.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a program under test printed, stdout and stderr interleaved as they arrived, capped: the
 * first and the last {@value #KEEP} bytes are kept, and the total counted, so a flood of output
 * neither exhausts the kit's memory nor hides how the program started or how it ended.
 *
 * <p>Bytes are kept as they came; text views decode them leniently (invalid UTF-8 becomes U+FFFD),
 * so a program printing non-UTF-8 bytes is shown, never crashes the kit.
 */
public final class ProgramOutput {
  static final int KEEP = 64 * 1024;
  /**
   * Output beyond this many bytes is not read any more: the kit lets go of the program's output
   * stream, so a program that floods its output stops costing the kit (and the other programs
   * graded beside it) anything. No lab program prints anywhere near this much.
   */
  public static final long STOP_AFTER = 8L << 20;
  /** The last line of {@link #text()} once the output was stopped: what reports and graders look for. */
  public static final String STOPPED = "[output stopped by the kit: the program printed more than "
      + (STOP_AFTER >> 20) + " MB]";
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private final byte[] tail = new byte[KEEP];
  private long total;
  private boolean closed;

  /** Keeps {@code bytes}; returns whether the output has reached {@link #STOP_AFTER} (then ignored). */
  synchronized boolean append(byte[] bytes) {
    if (total >= STOP_AFTER) {
      return true;
    }
    for (byte b : bytes) {
      if (head.size() < KEEP) {
        head.write(b);
      } else {
        tail[(int) ((total - KEEP) % KEEP)] = b;
      }
      total++;
    }
    notifyAll();
    return total >= STOP_AFTER;
  }

  /** Whether the kit stopped reading the output because it reached {@link #STOP_AFTER}. */
  public synchronized boolean stopped() {
    return total >= STOP_AFTER;
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** Total bytes printed, including those not kept. */
  public synchronized long totalBytes() {
    return total;
  }

  /** Whether the output was too long to keep whole. */
  public synchronized boolean truncated() {
    return total > 2L * KEEP;
  }

  /** All kept output as text; when truncated, a marker line says how much was left out. */
  public synchronized String text() {
    String start = head.toString(StandardCharsets.UTF_8);
    if (total <= KEEP) {
      return start;
    }
    long tailLength = Math.min(total - KEEP, KEEP);
    byte[] ordered = new byte[(int) tailLength];
    long from = total - tailLength;
    for (int i = 0; i < tailLength; i++) {
      ordered[i] = tail[(int) ((from - KEEP + i) % KEEP)];
    }
    String skipped = total - KEEP - tailLength > 0
        ? "\n[... " + (total - KEEP - tailLength) + " bytes not kept ...]\n" : "";
    return start + skipped + new String(ordered, StandardCharsets.UTF_8) + (stopped() ? "\n" + STOPPED : "");
  }

  /** The last {@code lines} lines, for failure messages. */
  public String tail(int lines) {
    String[] all = text().split("\n", -1);
    int from = Math.max(0, all.length - lines - 1);
    return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length)).stripTrailing();
  }

  /**
   * Waits until the text printed so far satisfies {@code condition}, or the window ends, or the
   * output is closed (every process holding it exited). Returns whether it was satisfied.
   */
  public synchronized boolean await(Predicate<String> condition, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (!condition.test(text())) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed) {
        return condition.test(text());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Waits, bounded, until the output is closed: every byte the exited program wrote has arrived. */
  public boolean awaitClosed(Duration window) {
    return await(text -> isClosed(), window) || isClosed();
  }
}
