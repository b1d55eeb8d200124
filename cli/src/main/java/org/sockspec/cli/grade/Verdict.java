package org.sockspec.cli.grade;

import java.util.Locale;

/**
 * What happened to one spec of one student's program: the grade's reason, more precise than a
 * report's status. Only {@link #KIT_ERROR} is not a statement about the program: it is never
 * charged to the student (retried once, then reported as the kit's).
 */
public enum Verdict {
  PASSED("passed", "✓"),
  /** The program ran and did not show the behaviour. */
  FAILED("failed", "✗"),
  /** The program did not get there in time: never listened within the startup bound, or the spec's deadline ran out. */
  TIMED_OUT("timed out", "T"),
  /** The program exited (a status) or was killed (a signal) before it did what the spec needs. */
  CRASHED("crashed", "✹"),
  /** The program hit a limit of its sandbox: memory, processes, disk or output. */
  LIMIT("hit a limit", "▣"),
  /**
   * The spec never starts the program (it is about what the kernel does with no server) and passed,
   * but its points go only to a program that runs: none of this program's specs that start it
   * passed. A submission of programs that do nothing earns nothing.
   */
  NOT_EARNED("not earned", "○"),
  /** The file was not in the student's folder. */
  NOT_HANDED_IN("not handed in", "–"),
  /**
   * The file is a link the kit does not follow (out of the student's folder, dangling, a loop) or a
   * special file: never read, never run. Charged to the student.
   */
  REJECTED("rejected", "⊘"),
  /** The kit could not judge (engine trouble): not a verdict on the program. */
  KIT_ERROR("kit error", "!");

  private final String label;
  private final String symbol;

  Verdict(String label, String symbol) {
    this.label = label;
    this.symbol = symbol;
  }

  /** "timed out": how reports name it. */
  public String label() {
    return label;
  }

  /** One character for the class matrix. */
  public String symbol() {
    return symbol;
  }

  /** "timed-out": a CSS class and a stable machine name (results.json's extra data). */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Verdict ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
