package org.sockspec.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.opentest4j.TestAbortedException;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.KitException;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;
import org.sockspec.spec.SpecFailure;

/**
 * What a spec's throwable means for the report: the program's failure (a {@link SpecFailure}, or
 * any assertion), a skip (an aborted spec), the spec's deadline, or the kit's error (everything
 * else), each with its {@link Cause}. Only messages are kept: a stack trace of the kit is never
 * shown to a student.
 */
final class Endings {
  /** A status with its message, cause (null for a pass or a skip) and evidence. */
  record Ending(Status status, String message, Cause cause, Map<String, String> evidence) {}

  private Endings() {}

  /** What {@code thrown} means; {@code deadline} is the spec's wall-clock deadline, as configured, if any. */
  static Ending of(Throwable thrown, Optional<String> deadline) {
    if (thrown instanceof SpecFailure failure) {
      return new Ending(Status.FAILED, failure.headline(), failure.why(), failure.evidence().asMap());
    }
    Optional<EngineUnavailableException> engine = cause(thrown, EngineUnavailableException.class);
    if (engine.isPresent()) {
      String message = "cannot run containers: " + engine.get().getMessage();
      return new Ending(Status.ERROR, message, new Cause.Kit(message), Map.of());
    }
    Optional<KitException> kit = cause(thrown, KitException.class);
    if (kit.isPresent()) {
      String message = "kit error: " + kit.get().getMessage();
      return new Ending(Status.ERROR, message, new Cause.Kit(message), Map.of());
    }
    if (thrown instanceof TestAbortedException) {
      return new Ending(Status.SKIPPED, describe(thrown), null, Map.of());
    }
    if (thrown instanceof AssertionError) {
      // An assertion outside a spec method's body (SpecExtension wraps those in SpecFailure):
      // still a statement about the program, without the bench's evidence.
      Cause why = thrown instanceof CausedFailure caused ? caused.why() : new Cause.Unexplained(describe(thrown));
      return new Ending(Status.FAILED, describe(thrown), why, Map.of());
    }
    String message = "kit error: " + describe(thrown);
    if (thrown instanceof TimeoutException) {
      // JUnit's own: the spec outlived its deadline (the grader's), and was abandoned.
      return new Ending(Status.ERROR, message, new Cause.TimedOut(deadline.orElse(null)), Map.of());
    }
    return new Ending(Status.ERROR, message, new Cause.Kit(message), Map.of());
  }

  /** The engine problem behind {@code thrown}, if that is what it is: the run cannot go on. */
  static Optional<EngineUnavailableException> engineProblem(Throwable thrown) {
    return cause(thrown, EngineUnavailableException.class);
  }

  /**
   * The throwable for a report: its message, and its type when that says something the message
   * does not (a bare NoClassDefFoundError's message is just a class name), plus the deepest cause.
   */
  static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    boolean plain = thrown instanceof KitException || thrown instanceof IllegalArgumentException
        || thrown instanceof IllegalStateException;
    String head = plain && message != null && !message.isBlank() ? message
        : thrown.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == thrown || (root.getMessage() != null && head.contains(root.getMessage()))) {
      return head;
    }
    return head + " (caused by " + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
  }

  private static <T extends Throwable> Optional<T> cause(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
