package org.sockspec.cli.grade;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How far the grading is: on a terminal one redrawn bar (students done, students who lost points
 * so far, time left); otherwise, for a log, one plain line per finished student. What the grading
 * goes through (an engine of the pool lost, back) is a line of its own either way, with the time.
 */
final class Progress {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneId.systemDefault());
  private final PrintWriter out;
  private final boolean terminal;
  private int total;
  private int done;
  private int lostPoints;
  private long startNanos;

  Progress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  synchronized void start(int toGrade, int skipped) {
    total = toGrade;
    startNanos = System.nanoTime();
    out.println("Grading " + toGrade + (toGrade == 1 ? " student" : " students")
        + (skipped > 0 ? " (" + skipped + " already finished, skipped with --resume)" : "") + ".");
    draw();
  }

  synchronized void finished(StudentGrade grade) {
    done++;
    if (grade.lostPoints()) {
      lostPoints++;
    }
    if (terminal) {
      draw();
    } else {
      out.println(String.format(Locale.ROOT, "[%d/%d] %s: %s of %s points in %.1f s%s", done, total,
          grade.student(), GradescopeResults.number(grade.score()), GradescopeResults.number(grade.maxScore()),
          grade.durationMs() / 1000.0, (grade.gradedOn() == null ? "" : " on " + grade.gradedOn().shortName())
              + (grade.count(Verdict.KIT_ERROR) > 0 ? ", " + grade.count(Verdict.KIT_ERROR) + " kit error(s)" : "")));
      out.flush();
    }
  }

  /** An event of the grading, "HH:MM:SS event", on a line of its own (above the bar on a terminal). */
  synchronized void note(String event) {
    if (terminal) {
      out.print("\r\u001b[K");
    }
    out.println(clock(Instant.now()) + " " + event);
    draw();
    out.flush();
  }

  /** The engines' summary at the end of a round, one line each. */
  synchronized void engines(List<String> lines) {
    if (terminal) {
      out.print("\r\u001b[K");
    }
    out.println("Engines:");
    lines.forEach(line -> out.println("  " + line));
    draw();
    out.flush();
  }

  /** "05:41:02.123", the machine's local time, for the events of a run. */
  static String clock(Instant at) {
    return CLOCK.format(at);
  }

  synchronized void end() {
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void draw() {
    if (!terminal) {
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000L;
    String eta = done == 0 ? "--" : duration(elapsed * (total - done) / done);
    out.print("\r\u001b[K[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total
        + " students, " + lostPoints + " lost points so far, ETA " + eta);
    out.flush();
  }

  private static String duration(long seconds) {
    return seconds >= 60 ? seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s" : seconds + "s";
  }
}
