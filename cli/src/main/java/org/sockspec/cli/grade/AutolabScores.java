package org.sockspec.cli.grade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockspec.cli.report.JsonReporter;

/**
 * A graded submission as Autolab reads an autograder's output: feedback lines for the student,
 * then, as the very last line, {@code {"scores": {PROBLEM: POINTS, ...}}}, one problem per program
 * of the manifest, named by its file without the extension ({@code srv_tcp.py} is problem
 * {@code srv_tcp}). Hidden specs count in the scores but are not described.
 */
public final class AutolabScores {
  private AutolabScores() {}

  /** The problem name of a program file: its name without the extension. */
  public static String problem(String file) {
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** "srv_tcp 8, srv_udp 9, ...": the assessment's problems and their max scores, in the manifest's order. */
  public static String problems(LabManifest manifest) {
    Map<String, Double> points = new LinkedHashMap<>();
    for (LabManifest.Column column : manifest.columns()) {
      points.merge(problem(column.file()), manifest.pointsOf(column.spec()), Double::sum);
    }
    List<String> named = new ArrayList<>();
    points.forEach((problem, max) -> named.add(problem + " " + GradescopeResults.number(max)));
    return String.join(", ", named);
  }

  public static String render(StudentGrade grade, String kit) {
    StringBuilder out = new StringBuilder(GradescopeResults.summary(grade)).append("\n\n");
    Map<String, Double> scores = new LinkedHashMap<>();
    for (GradedSpec spec : grade.specs()) {
      scores.merge(problem(spec.column().file()), spec.points(), Double::sum);
      if (!spec.hidden()) {
        out.append(spec.verdict().symbol()).append(' ').append(spec.column().name()).append(": ")
            .append(GradescopeResults.number(spec.points())).append(" / ")
            .append(GradescopeResults.number(spec.maxPoints())).append(" (").append(spec.verdictText()).append(")\n");
      }
    }
    out.append("\n(graded by sockspec ").append(kit).append(")\n");
    ObjectNode last = JsonReporter.object();
    ObjectNode problems = last.putObject("scores");
    scores.forEach((problem, points) -> problems.put(problem, GradescopeResults.round(points)));
    return out.append(last.toString()).append('\n').toString();
  }
}
