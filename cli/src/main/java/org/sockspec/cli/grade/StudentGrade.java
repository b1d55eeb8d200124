package org.sockspec.cli.grade;

import java.util.List;
import org.sockspec.bench.LeftOut;

/**
 * One student's graded submission: every (program, spec) of the manifest, in its order.
 *
 * @param leftOut the files of the student's folder not copied into the sandbox, and why
 */
public record StudentGrade(String student, List<GradedSpec> specs, long durationMs, List<LeftOut> leftOut) {
  public StudentGrade {
    specs = List.copyOf(specs);
    leftOut = List.copyOf(leftOut);
  }

  public double score() {
    return specs.stream().mapToDouble(GradedSpec::points).sum();
  }

  public double maxScore() {
    return specs.stream().mapToDouble(GradedSpec::maxPoints).sum();
  }

  public long count(Verdict verdict) {
    return specs.stream().filter(s -> s.verdict() == verdict).count();
  }

  /** Whether a spec that earns points was not passed (the progress bar's "failures so far"). */
  public boolean lostPoints() {
    return specs.stream().anyMatch(s -> s.points() < s.maxPoints());
  }
}
