package org.sockspec.cli.grade;

import java.util.function.BiFunction;

/** The autograding platforms sockspec writes results for, each with its format (see their classes). */
public enum PlatformResults {
  /** {@code /autograder/results/results.json}, Gradescope's autograder format. */
  GRADESCOPE("gradescope", GradescopeResults::render),
  /** {@code /grade/results/results.json}, PrairieLearn's external grader format. */
  PRAIRIELEARN("prairielearn", PrairieLearnResults::render),
  /** Standard output, its last line {@code {"scores": {...}}}, as Autolab reads it. */
  AUTOLAB("autolab", AutolabScores::render);

  private final String id;
  private final BiFunction<StudentGrade, String, String> renderer;

  PlatformResults(String id, BiFunction<StudentGrade, String, String> renderer) {
    this.id = id;
    this.renderer = renderer;
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
    throw new IllegalArgumentException("unknown platform '" + text + "': say gradescope, prairielearn or autolab");
  }
}
