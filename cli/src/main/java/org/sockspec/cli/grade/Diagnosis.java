package org.sockspec.cli.grade;

import org.sockspec.bench.LimitEvidence;
import org.sockspec.bench.SandboxLimit;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;

/**
 * Reads a spec's result as a grade's {@link Verdict}, with the reason in a few words (which limit,
 * which status or signal), from its {@link Cause}: no message is read, nothing the program printed
 * is parsed as a result.
 */
final class Diagnosis {
  /** A verdict and its reason ("memory limit", "status 1", "signal 9"), possibly empty. */
  record Reading(Verdict verdict, String reason) {}

  private Diagnosis() {}

  static Reading of(SpecResult result) {
    if (result.status() == Status.PASSED) {
      return new Reading(Verdict.PASSED, "");
    }
    Cause cause = result.cause();
    if (cause instanceof Cause.TimedOut) {
      return new Reading(Verdict.TIMED_OUT, "the spec's deadline ran out");
    }
    if (result.status() != Status.FAILED) {
      return new Reading(Verdict.KIT_ERROR, ""); // an error or a skip: the kit could not judge
    }
    if (cause instanceof Cause.Limit limit) {
      return new Reading(Verdict.LIMIT, reason(limit));
    }
    if (cause instanceof Cause.BenchBroken) {
      return new Reading(Verdict.CRASHED, "broke the bench");
    }
    if (cause instanceof Cause.Exited exited) {
      return new Reading(Verdict.CRASHED, exited.signal() != null ? "signal " + exited.signal()
          : "status " + exited.status());
    }
    if (cause instanceof Cause.NeverListened) {
      return new Reading(Verdict.TIMED_OUT, "never listened");
    }
    if (cause instanceof Cause.OutOfTime) {
      return new Reading(Verdict.TIMED_OUT, "out of grading time");
    }
    if (cause instanceof Cause.NotHandedIn) {
      return new Reading(Verdict.NOT_HANDED_IN, "");
    }
    if (cause instanceof Cause.Rejected) {
      return new Reading(Verdict.REJECTED, "");
    }
    if (cause instanceof Cause.BuildFailed build) {
      return new Reading(Verdict.FAILED, build.stoppedBy() != null ? "does not build (stopped by " + build.stoppedBy()
          + ")" : "does not build (status " + build.status() + ")");
    }
    return new Reading(Verdict.FAILED, "");
  }

  /** "memory limit", "process and memory limits", "disk limit (scratch space full)". */
  private static String reason(Cause.Limit limit) {
    if (limit.limits().contains(SandboxLimit.PROCESSES) && limit.limits().contains(SandboxLimit.MEMORY)) {
      return "process and memory limits";
    }
    return switch (limit.limit()) {
      case OUTPUT -> "output limit";
      case MEMORY -> limit.countedBy() == LimitEvidence.KILLED ? "memory limit (killed by signal 9)" : "memory limit";
      case PROCESSES -> "process limit";
      case DISK -> "disk limit (scratch space full)";
    };
  }

  /** Whether the server never listened or bound on its port (the costly case to repeat). */
  static boolean neverListened(SpecResult result) {
    return result.status() == Status.FAILED && result.cause() != null && result.cause().isStartup();
  }
}
