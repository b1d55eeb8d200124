package org.sockspec.bench;

import java.nio.file.Path;

/**
 * The program file itself cannot be copied into the sandbox: it is a link that leads out of its
 * folder (or nowhere, or round in a loop), or a special file. It is never opened. For {@code check}
 * this is bad input; a grader charges it to the student as "rejected".
 */
public final class RejectedProgramException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient LeftOut problem;

  public RejectedProgramException(Path program, LeftOut problem) {
    super("'" + program + "' is " + problem.reason().description()
        + (problem.detail().isEmpty() ? "" : " (it names " + problem.detail() + ")") + ". "
        + (problem.reason() == LeftOut.Reason.SPECIAL_FILE || problem.reason() == LeftOut.Reason.UNREADABLE
            ? "Give the path of your program's own file."
            : "sockspec copies only your program's own folder into the sandbox and never follows a link out of "
                + "it: check the file itself, or copy it into this folder in place of the link."));
    this.problem = problem;
  }

  /** Which entry, and why. */
  public LeftOut problem() {
    return problem;
  }
}
