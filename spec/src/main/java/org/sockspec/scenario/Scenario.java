package org.sockspec.scenario;

import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.spec.Level;

/**
 * A behaviour an instructor wrote as data, run like a built-in spec (same bench, evidence, causes
 * and reports): its identity and words as {@code @Spec} has them, what it applies to, and its steps.
 *
 * @param kinds the kinds of program it applies to (may be empty when {@code programs} names them)
 * @param programs the file names in the lab's [programs] it applies to, whatever their kind
 * @param points its points in a grade; empty: the lab's default
 * @param startsProgram false for a scenario about the kernel alone (nothing started: a refused connect)
 * @param where the file and line it was written at, for messages
 */
public record Scenario(String id, Level level, String question, String summary, String hint, List<Kind> kinds,
    List<String> programs, Optional<Double> points, boolean startsProgram, List<WrittenStep> steps, String where) {

  public Scenario {
    kinds = List.copyOf(kinds);
    programs = List.copyOf(programs);
    steps = List.copyOf(steps);
  }

  /** A step with its number in the scenario (from 1) and its text as written, for transcripts and failures. */
  public record WrittenStep(int number, String written, Step step) {}

  /** Whether it applies to a program of {@code kind} named {@code file} in the lab (file may be null). */
  public boolean appliesTo(Kind kind, String file) {
    return kinds.contains(kind) || (file != null && programs.contains(file));
  }

  /** How many steps wait out a negative window in full (the built-in specs' {@code windows}). */
  public int windows() {
    return (int) steps.stream().filter(s -> s.step() instanceof Step.ExpectNothing
        || s.step() instanceof Step.NotPrinted || s.step() instanceof Step.ExpectRunning).count();
  }

  /** Whether any step can fail: a scenario of actions alone passes whatever the program does. */
  public boolean expectsSomething() {
    return steps.stream().anyMatch(s -> StepRules.isExpectation(s.step()));
  }

  /** Steps a program of {@code kind} cannot be asked to do, each as a sentence; empty when it can do them all. */
  public List<String> problemsFor(Kind kind) {
    List<String> problems = new java.util.ArrayList<>(steps.stream().map(s -> StepRules.problemFor(s.step(), kind)
        .map(problem -> "step " + s.number() + " (" + s.written() + "): " + problem)).flatMap(Optional::stream).toList());
    if (problems.isEmpty()) {
      StepOrder.problem(this, kind).ifPresent(problems::add);
    }
    return problems;
  }
}
