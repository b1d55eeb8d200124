package org.sockspec.cli.grade;

import java.time.Duration;

/**
 * The time one submission's grading may take, from its start: an autograding platform ends a run
 * that outlives its timeout with no grade at all, so the grader stops short of it and scores what
 * it did not reach as out of time ({@link org.sockspec.spec.Cause.OutOfTime}). Unbounded: no budget.
 */
final class GradingBudget {
  private final Duration budget;
  private final long deadlineNanos;

  private GradingBudget(Duration budget) {
    this(budget, budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos());
  }

  private GradingBudget(Duration budget, long deadlineNanos) {
    this.budget = budget;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * The part of what is left that one of {@code programsLeft} programs graded one after another may
   * take: an even share, so that one slow program cannot leave the others no time (what a program
   * does not use goes to those after it). Its out-of-time results name the whole budget.
   */
  GradingBudget share(int programsLeft) {
    if (!bounded() || programsLeft <= 1) {
      return this;
    }
    return new GradingBudget(budget, System.nanoTime() + left().toNanos() / programsLeft);
  }

  /** A budget of {@code budget} from now; none when it is null. */
  static GradingBudget startingNow(Duration budget) {
    return new GradingBudget(budget);
  }

  static GradingBudget unbounded() {
    return new GradingBudget(null);
  }

  boolean bounded() {
    return budget != null;
  }

  Duration budget() {
    return budget;
  }

  boolean spent() {
    return bounded() && System.nanoTime() >= deadlineNanos;
  }

  /** What is left of it; a very long time when unbounded. */
  Duration left() {
    return bounded() ? Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())) : Duration.ofDays(1);
  }
}
