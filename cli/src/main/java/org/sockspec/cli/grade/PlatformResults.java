package org.sockspec.cli.grade;

import java.util.function.BiFunction;

/** The autograding platforms sockspec writes results for, each with its format (see their classes). */
public enum PlatformResults {
  /** {@code /autograder/results/results.json}, Gradescope's autograder format. */
  GRADESCOPE("gradescope", GradescopeResults::render, 480),
  /** {@code /grade/results/results.json}, PrairieLearn's external grader format. */
  PRAIRIELEARN("prairielearn", PrairieLearnResults::render, 480),
  /** Standard output, its last line {@code {"scores": {...}}}, as Autolab reads it. */
  AUTOLAB("autolab", AutolabScores::render, 210),
  /**
   * A GitHub Classroom runner's result, JSON (the grading step writes it base64 to {@code $GITHUB_OUTPUT}
   * as {@code result}); a job runs up to 6 hours, the kit's budget is a grade's usual one.
   */
  CLASSROOM("classroom", ClassroomResults::json, 480),
  /** JUnit XML where CodeGrade's Unit Test step reads it ({@code $CG_JUNIT_XML_LOCATION}), a case per point. */
  CODEGRADE("codegrade", CodeGradeResults::render, 480);

  private final String id;
  private final BiFunction<StudentGrade, String, String> renderer;
  private final int defaultBudgetSeconds;

  /**
   * {@code defaultBudgetSeconds}: the time a submission's grading is given by default: the timeout
   * the platform's documentation (Gradescope's default, 10 minutes) or the kit's package (PrairieLearn
   * 600 s, Autolab 300 s) sets, less a margin: the setup, the results, and the most a run of specs
   * goes past its share (a spec running when it ends is stopped by its own deadline, at most a minute).
   */
  PlatformResults(String id, BiFunction<StudentGrade, String, String> renderer, int defaultBudgetSeconds) {
    this.id = id;
    this.renderer = renderer;
    this.defaultBudgetSeconds = defaultBudgetSeconds;
  }

  /** The grading budget of a submission by default, in seconds. */
  public int defaultBudgetSeconds() {
    return defaultBudgetSeconds;
  }

  public String id() {
    return id;
  }

  /** {@code grade} in this platform's format; {@code kit} is the kit's version. */
  public String render(StudentGrade grade, String kit) {
    return renderer.apply(grade, kit);
  }

  public static PlatformResults parse(String text) {
    for (PlatformResults platform : values()) {
      if (platform.id.equalsIgnoreCase(text.trim())) {
        return platform;
      }
    }
    throw new IllegalArgumentException("unknown platform '" + text + "': say gradescope, prairielearn, autolab, classroom or codegrade");
  }
}
