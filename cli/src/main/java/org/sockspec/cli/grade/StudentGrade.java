package org.sockspec.cli.grade;

import java.nio.file.Path;
import java.util.List;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.Targets;

/**
 * One student's graded submission: every (program, spec) of the manifest, in its order.
 *
 * @param leftOut the files of the student's folder not copied into the sandbox, and why
 * @param gradedOn the engine of a pool that graded them; null on the run's one sandbox
 */
public record StudentGrade(String student, List<GradedSpec> specs, long durationMs, List<LeftOut> leftOut,
    GradedOn gradedOn) {
  public StudentGrade {
    specs = List.copyOf(specs);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * The grade of {@code student}, whose folder {@code folder} gave {@code specs}, graded in {@code ms},
   * with what the copy of the folder left out (nothing, for a folder that cannot be read: its
   * programs are all graded "cannot be graded" already, saying why).
   */
  static StudentGrade of(String student, Path folder, List<GradedSpec> specs, long ms) {
    List<LeftOut> leftOut;
    try {
      leftOut = Targets.leftOut(folder);
    } catch (RuntimeException e) {
      leftOut = List.of();
    }
    return new StudentGrade(student, specs, ms, leftOut, null);
  }

  /** The same grade, graded on {@code engine}. */
  StudentGrade on(GradedOn engine) {
    return new StudentGrade(student, specs, durationMs, leftOut, engine);
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
