package org.sockspec.cli.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A student's result as GitHub Classroom's grading runners give theirs (the action
 * {@code classroom-resources/autograding-command-grader} sets it as its output {@code result}): base64
 * of {@code {"version": 1, "status": "pass"|"fail"|"error", "max_score": N, "tests": [{"name",
 * "status", "score", "message", "test_code", "filename", "line_no", "duration"}]}}, which the
 * reporter ({@code autograding-grading-reporter}) reads from {@code <ID>_RESULTS}, adds up and posts
 * as {@code Points X/Y}. One test per program and spec, its points those of the lab manifest.
 *
 * <p>Classroom shows every test to the student who pushed (the Actions log is theirs): a hidden
 * spec's test is there with its name and points, its message withheld; docs/classroom.md says what
 * this can and cannot keep from a student.
 */
public final class ClassroomResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A test's message is cut to this (the reporter prints it, and a step output has its limits). */
  private static final int MESSAGE_CHARS = 4_000;

  private ClassroomResults() {}

  /** The runner result, as JSON (not yet base64). */
  public static String json(StudentGrade grade, String kit) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    boolean kitError = grade.count(Verdict.KIT_ERROR) > 0;
    boolean allPassed = grade.specs().stream().allMatch(s -> s.verdict() == Verdict.PASSED || s.maxPoints() == 0);
    root.put("status", kitError ? "error" : allPassed ? "pass" : "fail");
    points(root, "max_score", grade.maxScore());
    ArrayNode tests = root.putArray("tests");
    for (GradedSpec spec : grade.specs()) {
      ObjectNode test = tests.addObject();
      test.put("name", spec.column().name());
      test.put("status", spec.verdict() == Verdict.KIT_ERROR ? "error"
          : spec.verdict() == Verdict.PASSED ? "pass" : "fail");
      points(test, "score", spec.points());
      points(test, "max_score", spec.maxPoints());
      test.put("message", spec.hidden() ? spec.verdictText().toUpperCase(Locale.ROOT)
          + ": a hidden spec; its details are shown once grades are released" : cut(GradescopeResults.output(spec)));
      test.put("test_code", "sockspec check --lab lab.toml " + spec.column().file() + " --only "
          + spec.column().spec().id());
      test.put("filename", spec.column().file());
      test.put("line_no", 0);
      test.put("duration", spec.result().durationMs());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The runner result as the step's output carries it: base64 of its JSON. */
  public static String encoded(StudentGrade grade, String kit) {
    return encoded(json(grade, kit));
  }

  /** A runner result's JSON as the step's output carries it: base64. */
  public static String encoded(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The job summary ({@code $GITHUB_STEP_SUMMARY}, Markdown): the score, a table of every test, and
   * for each one that lost points its cause, what was expected and seen, the hint and the ladder.
   */
  public static String markdown(StudentGrade grade) {
    StringBuilder out = new StringBuilder("## sockspec: " + GradescopeResults.number(grade.score()) + " of "
        + GradescopeResults.number(grade.maxScore()) + " points\n\n| | test | points |\n| --- | --- | --- |\n");
    for (GradedSpec spec : grade.specs()) {
      out.append("| ").append(spec.verdict().symbol()).append(" | ").append(cell(spec.column().name()))
          .append(" (").append(spec.verdictText()).append(") | ").append(GradescopeResults.number(spec.points())).append(" / ")
          .append(GradescopeResults.number(spec.maxPoints())).append(" |\n");
    }
    for (GradedSpec spec : grade.specs()) {
      if (spec.verdict() == Verdict.PASSED || spec.hidden()) {
        continue;
      }
      out.append("\n### ").append(spec.column().name()).append(": ").append(spec.verdictText()).append("\n\n```\n")
          .append(cut(GradescopeResults.output(spec)).replace("```", "'''")).append("\n```\n");
    }
    return out.toString();
  }

  /**
   * The grading step's lines in the Actions log: the score, a line per test, then what each test that
   * lost points says (verdict, expected and seen, hint, cause, evidence and ladder).
   */
  public static String log(StudentGrade grade, String kit) {
    StringBuilder out = new StringBuilder("sockspec " + kit + ": " + GradescopeResults.number(grade.score()) + " of "
        + GradescopeResults.number(grade.maxScore()) + " points\n");
    for (GradedSpec spec : grade.specs()) {
      out.append("  ").append(spec.verdict().symbol()).append(' ').append(spec.column().name()).append(": ")
          .append(GradescopeResults.number(spec.points())).append('/').append(GradescopeResults.number(spec.maxPoints()))
          .append(" (").append(spec.verdictText()).append(")\n");
    }
    for (GradedSpec spec : grade.specs()) {
      if (spec.verdict() != Verdict.PASSED && !spec.hidden()) {
        out.append("\n=== ").append(spec.column().name()).append(": ").append(spec.verdictText()).append(" ===\n")
            .append(GradescopeResults.output(spec)).append('\n');
      }
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static String cut(String text) {
    return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS) + "\n[... cut ...]";
  }

  /** Points as a whole number where they are one (2, not 2.0): the reporter prints them as it gets them. */
  private static void points(ObjectNode node, String key, double points) {
    double rounded = GradescopeResults.round(points);
    if (rounded == Math.rint(rounded)) {
      node.put(key, (long) rounded);
    } else {
      node.put(key, rounded);
    }
  }
}
