package org.sockspec.cli.grade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sockspec.cli.report.JsonReporter;

/**
 * A graded submission as PrairieLearn's external grader results ({@code /grade/results/results.json}):
 * {@code gradable}, {@code score} from 0 to 1, {@code message}, {@code output}, and one test per
 * (program, spec) with {@code name}, {@code description}, {@code points}, {@code max_points},
 * {@code message}, {@code output}. PrairieLearn shows every test to the student: a hidden spec's
 * test counts, but says only that it is hidden until grades are published. A submission the kit
 * could not judge in full is not gradable: PrairieLearn then charges the student nothing for it.
 */
public final class PrairieLearnResults {
  private PrairieLearnResults() {}

  public static String render(StudentGrade grade, String kit) {
    ObjectNode root = JsonReporter.object();
    boolean judged = grade.count(Verdict.KIT_ERROR) == 0;
    root.put("gradable", judged);
    root.put("score", grade.maxScore() == 0 ? 0 : Math.round(grade.score() / grade.maxScore() * 10_000) / 10_000.0);
    root.put("message", GradescopeResults.summary(grade));
    root.put("output", "graded by sockspec " + kit + " in " + Math.round(grade.durationMs() / 1000.0) + " s");
    ArrayNode tests = root.putArray("tests");
    for (GradedSpec spec : grade.specs()) {
      ObjectNode test = tests.addObject();
      test.put("name", spec.column().name());
      test.put("description", spec.column().spec().summary());
      test.put("points", GradescopeResults.round(spec.points()));
      test.put("max_points", GradescopeResults.round(spec.maxPoints()));
      if (spec.hidden()) {
        test.put("message", "hidden until grades are published");
        test.put("output", "");
      } else {
        test.put("message", spec.verdictText());
        test.put("output", GradescopeResults.output(spec));
      }
    }
    return root.toPrettyString() + "\n";
  }
}
