package org.sockspec.cli.grade;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.sockspec.cli.pool.PoolEngine;

/**
 * An engine of an {@link EnginePool} during one run: its state, the students it is grading, and
 * what it went through, for the summary. Guarded by the pool.
 */
final class PoolMember {
  /** Where an engine is in a run. */
  enum State {
    /** Being reached, its images made present. */
    PREPARING,
    /** Taking students. */
    GRADING,
    /** Contact broke: pinged until it answers. */
    LOST,
    /** It answers again: its leftovers being removed, its images checked. */
    RECOVERING,
    /** It answers but cannot grade (its images cannot be made present): set aside for the run. */
    UNUSABLE
  }

  final PoolEngine engine;
  final Set<String> inFlight = new LinkedHashSet<>();
  /** Students dropped since it last finished one, not yet named in a loss: those the loss cost. */
  final Set<String> dropped = new LinkedHashSet<>();
  State state = State.PREPARING;
  boolean everReady;
  int graded;
  int moved;
  /** Why it is down, for the stop's message; empty while it is not. */
  String why = "";

  PoolMember(PoolEngine engine) {
    this.engine = engine;
  }

  String name() {
    return engine.line().name();
  }

  boolean down() {
    return state == State.LOST || state == State.UNUSABLE;
  }

  /** Its line of the run's summary, over {@code seconds} of grading. */
  String summary(double seconds) {
    String moves = moved > 0 ? ", " + moved + " moved to others" : "";
    if (graded == 0) {
      return name() + ": no student" + moves + (why.isEmpty() ? "" : "; " + why);
    }
    return String.format(Locale.ROOT, "%s: %d student(s), %.1f per minute%s; limits evidence: %s", name(), graded,
        graded * 60 / Math.max(seconds, 1e-9), moves, engine.limitCounters().description());
  }

  /** The first line of what an engine's client said, with what to do where the kit can tell. */
  String reason(String said) {
    String line = said.strip().lines().findFirst().orElse("no reason given");
    if (line.contains("HTTPS server") && engine.line().address().tls() == null) {
      line += "; it speaks TLS: give its line tls=CERT-FOLDER";
    }
    return line;
  }

  /** The deepest cause's message: what the engine's client met ("Connection refused"). */
  static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
