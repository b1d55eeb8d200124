package org.sockspec.bench;

import java.time.Duration;

/**
 * Every bound a spec waits with, derived from one time scale (configuration parameter
 * {@code sockspec.timescale}, default 1.0) so that a slow machine can widen all of them at once.
 *
 * <p>Positive waits (an answer arrives, a server listens) return as soon as the condition holds:
 * their bound only costs time when the program is wrong. Negative windows ({@link #silence()})
 * are always spent in full, so they are short, and specs pair them with kernel evidence (unread
 * bytes in a Recv-Q, a counter that moved) rather than trusting silence alone.
 */
public record Timing(double scale) {
  public static final Timing DEFAULT = new Timing(1.0);

  public Timing {
    if (!(scale > 0 && scale <= 100)) {
      throw new IllegalArgumentException("time scale must be in (0, 100], got " + scale);
    }
  }

  /** How long a server under test may take to listen (a JVM or Python start, on a busy machine). */
  public Duration startup() {
    return scaled(15_000);
  }

  /** How long an answer may take to arrive. */
  public Duration reply() {
    return scaled(3_000);
  }

  /** How long a connect may take (a connect the kernel refuses comes back at once). */
  public Duration connect() {
    return scaled(3_000);
  }

  /** What "at once" means for a kernel answer such as a refused connect. */
  public Duration atOnce() {
    return scaled(500);
  }

  /** The window of a negative claim ("nothing arrived"): always waited in full. */
  public Duration silence() {
    return scaled(500);
  }

  /** How long a program may take to exit once it should. */
  public Duration exit() {
    return scaled(5_000);
  }

  /**
   * How long a client started with no server may take, from its start, to report the refused
   * connection and exit (question 2.3): its own start-up plus the kernel's immediate refusal.
   */
  public Duration refusedClientExit() {
    return scaled(2_000);
  }

  /**
   * How long an exited child process may stay defunct (state Z) before it counts as a zombie: a
   * parent that reaps (wait, SIGCHLD, an init) does so within milliseconds. A negative window, spent
   * in full only when a zombie is there.
   */
  public Duration reap() {
    return scaled(1_000);
  }

  /** A bound a lab wrote (a scenario's), widened like the kit's own. */
  public Duration scaled(Duration written) {
    return scaled(written.toMillis());
  }

  private Duration scaled(long millis) {
    return Duration.ofMillis(Math.round(millis * scale));
  }
}
