package org.sockspec.spec.assertions;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.RunningProgram;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on the program under test as a user sees it: its exit status and what it printed. Used
 * for clients, whose exit and output are their behaviour (servers are judged by the socket and
 * process tables instead).
 */
public final class ProgramAssert extends AbstractAssert<ProgramAssert, RunningProgram> {
  /** What Python and Java print when a program dies of an uncaught exception. */
  private static final List<String> TRACEBACKS = List.of("Traceback (most recent call last)", "Exception in thread \"",
      "\n\tat ");
  /** Words of an error report, in any case. */
  private static final List<String> ERRORS = List.of("error", "exception", "traceback", "refused", "unreachable");
  private Duration window;

  ProgramAssert(RunningProgram actual) {
    super(actual, ProgramAssert.class);
  }

  /** The window the program was awaited in, quoted by the messages. */
  public ProgramAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  public ProgramAssert hasExitedWith(int status) {
    isNotNull();
    OptionalLong code = actual.exitCode();
    if (code.isEmpty()) {
      fail(exit(Integer.toString(status)), "Expecting %s to exit with status %d%s, but it is still running.%s", who(),
          status, inWindow(), printed());
    } else if (code.getAsLong() != status) {
      fail(exit(Integer.toString(status)), "Expecting %s to exit with status %d, but it exited with status %d.%s", who(), status,
          code.getAsLong(), printed());
    }
    return this;
  }

  public ProgramAssert hasExitedWithFailure() {
    isNotNull();
    OptionalLong code = actual.exitCode();
    if (code.isEmpty()) {
      fail(exit("non-zero"), "Expecting %s to exit with a non-zero status%s, but it is still running.%s", who(),
          inWindow(), printed());
    } else if (code.getAsLong() == 0) {
      fail(exit("non-zero"), "Expecting %s to exit with a non-zero status (a failure), but it exited with status 0.%s", who(),
          printed());
    }
    return this;
  }

  /** Still running at the end of the window: it did not exit, crash or give up. */
  public ProgramAssert isStillRunning() {
    isNotNull();
    OptionalLong code = actual.exitCode();
    if (code.isPresent()) {
      fail(exit("still running"), "Expecting %s to be still running%s, but it exited with status %d.%s", who(), inWindow(),
          code.getAsLong(), printed());
    }
    return this;
  }

  public ProgramAssert hasPrintedSomething() {
    isNotNull();
    if (actual.output().text().isBlank()) {
      fail(output("a line"), "Expecting %s to print a line, but it printed nothing.", who());
    }
    return this;
  }

  /** Printed {@code words} somewhere, in any case. */
  public ProgramAssert hasPrinted(String words) {
    isNotNull();
    if (!actual.output().text().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT))) {
      fail(output("\"" + words + "\""), "Expecting %s to say \"%s\", but it did not.%s", who(), words, printed());
    }
    return this;
  }

  public ProgramAssert hasPrintedNoTraceback() {
    isNotNull();
    String text = actual.output().text();
    TRACEBACKS.stream().filter(text::contains).findFirst().ifPresent(marker -> fail(output("no traceback"),
        "Expecting %s to end with a message, not a traceback, but it printed one:\n%s", who(), actual.output().tail(12)));
    return this;
  }

  /** Printed no error report (no "error", "exception", "traceback", "refused", "unreachable"). */
  public ProgramAssert hasPrintedNoError() {
    isNotNull();
    String text = actual.output().text().toLowerCase(Locale.ROOT);
    ERRORS.stream().filter(text::contains).findFirst().ifPresent(word -> fail(output("no error"),
        "Expecting %s to report no error, but it printed \"%s\":\n%s", who(), word, actual.output().tail(8)));
    return this;
  }

  /** Printed {@code text} at least {@code times} times: one answer printed per message sent. */
  public ProgramAssert hasPrintedTimes(String text, int times) {
    isNotNull();
    int seen = countOf(actual.output().text(), text);
    if (seen < times) {
      fail(output("the answer " + times + (times == 1 ? " time" : " times")),
          "Expecting %s to print the answer \"%s\" once per message (%d so far)%s, but %s.%s",
          who(), text, times, inWindow(), seen == 0 ? "it did not print it" : "it printed it " + (seen == 1 ? "once"
          : seen + " times"), printed());
    }
    return this;
  }

  /** How many times {@code text} occurs in {@code output}, without overlaps. */
  static int countOf(String output, String text) {
    int count = 0;
    for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
      count++;
    }
    return count;
  }

  /** Never printed {@code text} (for instance, an answer that cannot have come). */
  public ProgramAssert hasNotPrinted(String text) {
    isNotNull();
    if (actual.output().text().contains(text)) {
      fail(output("not \"" + text + "\""), "Expecting %s not to print \"%s\", but it did:\n%s", who(), text,
          actual.output().tail(8));
    }
    return this;
  }

  /** Fails with exactly {@code format}'s sentence, which already names the program (see {@link CausedFailure}). */
  private static void fail(Cause cause, String format, Object... args) {
    throw CausedFailure.of(cause, format, args);
  }

  private Cause exit(String expected) {
    OptionalLong code = actual.exitCode();
    return new Cause.ExitStatus(expected, code.isPresent() ? code.getAsLong() : null);
  }

  private Cause output(String expected) {
    return new Cause.Output(expected, actual.output().tail(6));
  }

  private String who() {
    String description = info.descriptionText();
    return description == null || description.isEmpty() ? "the program" : description;
  }

  private String inWindow() {
    return window == null ? "" : " within " + window.toMillis() + " ms";
  }

  private String printed() {
    String tail = actual.output().tail(6);
    return tail.isBlank() ? " It printed nothing." : " Its output ends with:\n" + tail;
  }
}
