package org.sockspec.cli.grade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.Targets;
import org.sockspec.cli.JUnitSpecRunner;
import org.sockspec.cli.RunRequest;
import org.sockspec.cli.SpecListener;
import org.sockspec.cli.SpecRunner;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * Grades one program of one student: every spec of its kind, through the same runner as
 * {@code check}, with a wall-clock deadline per spec. Two things are the grader's own:
 *
 * <ul>
 *   <li>A server that never listens costs the whole startup bound in every spec that starts it.
 *       The first such spec runs alone; when it finds the program never listened, the program's
 *       other server specs are failed at once with the same diagnosis, saying so.
 *   <li>A kit error is never charged to the student: those specs run once more, and what still
 *       errs is reported as the kit's.
 * </ul>
 */
final class ProgramGrader {
  private final SpecRunner runner;
  private final LabManifest manifest;
  private final double timescale;
  private final Path captures;
  private final Duration budget;

  /**
   * {@code captures}: where to keep each spec's capture, as CAPTURES/STUDENT/PROGRAM/SPEC-ID.pcap;
   * null: not kept. {@code budget}: the time each student's whole grading may take; null: unbounded.
   */
  ProgramGrader(SpecRunner runner, LabManifest manifest, double timescale, Path captures, Duration budget) {
    this.runner = runner;
    this.manifest = manifest;
    this.timescale = timescale;
    this.captures = captures;
    this.budget = budget;
  }

  /**
   * Every program of the manifest in {@code folder}, one after another, as {@code student}'s.
   *
   * @throws EngineLostException when {@code placement} was abandoned on the way
   */
  StudentGrade gradeStudent(String student, Path folder, Placement placement) {
    long start = System.nanoTime();
    List<GradedSpec> all = new ArrayList<>();
    GradingBudget time = newBudget();
    List<LabProgram> programs = List.copyOf(manifest.programs().values());
    for (int i = 0; i < programs.size(); i++) {
      all.addAll(grade(folder, programs.get(i), placement, time.share(programs.size() - i)));
    }
    return StudentGrade.of(student, folder, all, (System.nanoTime() - start) / 1_000_000);
  }

  /** A student's grading budget, starting now. */
  GradingBudget newBudget() {
    return GradingBudget.startingNow(budget);
  }

  /**
   * The graded specs of {@code labProgram} (a program of the manifest) in {@code folder}, in catalogue
   * order, in its lab's words, run where {@code placement} says.
   *
   * @throws EngineLostException when {@code placement} was abandoned on the way
   */
  List<GradedSpec> grade(Path folder, LabProgram labProgram, Placement placement) {
    return grade(folder, labProgram, placement, GradingBudget.unbounded());
  }

  /** As {@link #grade(Path, LabProgram, Placement)}, within what is left of the student's {@code time}. */
  List<GradedSpec> grade(Path folder, LabProgram labProgram, Placement placement, GradingBudget time) {
    String file = labProgram.file();
    Kind kind = labProgram.kind();
    List<SpecInfo> plan = manifest.specsFor(labProgram);
    Path program = folder.resolve(file);
    Map<String, SpecResult> results = new LinkedHashMap<>();
    Optional<LeftOut> rejected = Targets.problemOf(folder, program);
    if (rejected.isPresent()) {
      String why = "rejected: " + file + " is " + rejected.get().reason().description()
          + (rejected.get().detail().isEmpty() ? "" : " (it names " + rejected.get().detail() + ")")
          + ". The kit never reads a file outside your folder, so this program was not run: hand in the file itself.";
      Cause cause = new Cause.Rejected(file, rejected.get().reason().description(),
          rejected.get().detail().isEmpty() ? null : rejected.get().detail());
      plan.forEach(spec -> results.put(spec.id(), SpecResult.of(spec, Status.FAILED, why, cause, Map.of(), 0)));
      return graded(file, kind, plan, results);
    }
    if (!Files.isRegularFile(program)) {
      plan.forEach(spec -> results.put(spec.id(), SpecResult.of(spec, Status.FAILED,
          "not handed in: there is no " + file + " in " + folder.getFileName() + "'s folder.",
          new Cause.NotHandedIn(file), Map.of(), 0)));
      return graded(file, kind, plan, results);
    }
    Map<String, String> parameters = parameters(labProgram, program);
    parameters.putAll(manifest.scenarioParameters(plan));
    if (placement.engine() != null) {
      parameters.put(TargetConfig.ENGINE, placement.engine().text());
    }
    if (captures != null) {
      parameters.put(TargetConfig.CAPTURE, captures.resolve(folder.getFileName().toString()).resolve(file)
          .toAbsolutePath().normalize().toString());
    }
    Optional<String> unusable = unusable(parameters);
    if (unusable.isPresent()) {
      plan.forEach(spec -> results.put(spec.id(), SpecResult.of(spec, Status.FAILED,
          "cannot be graded: " + unusable.get(), new Cause.Unusable(unusable.get()), Map.of(), 0)));
      return graded(file, kind, plan, results);
    }
    // Built once, before its first spec (and kept: a regrade of the same files does not build again),
    // within what is left of the submission's time.
    if (time.spent()) {
      plan.forEach(spec -> results.put(spec.id(), outOfTime(spec, time)));
      return graded(file, kind, plan, results);
    }
    Optional<org.sockspec.bench.BuildResult> build = org.sockspec.cli.ProgramBuilds.of(parameters, time.left());
    if (build.isPresent() && !build.get().ok()) {
      plan.forEach(spec -> results.put(spec.id(), org.sockspec.cli.ProgramBuilds.failed(spec, build.get())));
      return graded(file, kind, plan, results);
    }
    List<SpecInfo> rest = new ArrayList<>(plan);
    if (kind.isServer()) {
      Optional<SpecInfo> first = plan.stream().filter(ProgramGrader::startsTheProgram).findFirst();
      if (first.isPresent()) {
        rest.remove(first.get());
        SpecResult firstResult = run(kind, program, parameters, List.of(first.get()), placement, time).get(0);
        results.put(first.get().id(), firstResult);
        if (Diagnosis.neverListened(firstResult)) {
          for (SpecInfo spec : List.copyOf(rest)) {
            if (startsTheProgram(spec)) {
              results.put(spec.id(), sameDiagnosis(spec, first.get(), firstResult));
              rest.remove(spec);
            }
          }
        }
      }
    }
    if (!rest.isEmpty()) {
      run(kind, program, parameters, rest, placement, time).forEach(r -> results.put(r.id(), r));
    }
    List<SpecInfo> errored = plan.stream().filter(spec -> isKitError(results.get(spec.id()))).toList();
    if (!errored.isEmpty() && !time.spent()) {
      // Once more: engine trouble on a busy machine is usually gone the second time.
      run(kind, program, parameters, errored, placement, time).forEach(r -> results.put(r.id(), r));
    }
    return graded(file, kind, plan, results);
  }

  /**
   * Whether a spec starts the program: every spec but those about the situation with no server at
   * all, which never start it.
   */
  static boolean startsTheProgram(SpecInfo spec) {
    return spec.startsProgram();
  }

  /**
   * Runs {@code specs}, unless {@code placement} is abandoned, before or while they run. What the
   * student's {@code time} does not reach is out of time: not run once it is spent, and a spec it
   * ran out in the middle of is stopped there (its deadline is what is left).
   */
  private List<SpecResult> run(Kind kind, Path program, Map<String, String> parameters, List<SpecInfo> specs,
      Placement placement, GradingBudget time) {
    abandonIf(placement);
    if (time.spent()) {
      return specs.stream().map(spec -> outOfTime(spec, time)).toList();
    }
    Map<String, String> withOnly = new LinkedHashMap<>(parameters);
    withOnly.put(TargetConfig.ONLY, specs.stream().map(SpecInfo::id).collect(Collectors.joining(",")));
    if (time.bounded()) {
      // No spec starts once the share is spent, and one running then is stopped by its deadline: the
      // most a run goes past its share is what was left of it when the run began (at most a minute).
      long seconds = Math.max(1, Math.min(Math.round(deadlineSeconds(timescale)), time.left().toSeconds() + 1));
      withOnly.put(JUnitSpecRunner.DEADLINE, seconds + " s");
      withOnly.put(JUnitSpecRunner.STOP_AT, Long.toString(System.currentTimeMillis() + time.left().toMillis()));
    }
    RunRequest request = new RunRequest(kind, program.toString(), withOnly, specs, false);
    try {
      List<SpecResult> results = byPlan(specs, runner.run(request, SpecListener.NONE));
      abandonIf(placement); // what ran while contact broke is not taken, verdicts or errors
      if (time.spent()) {
        // What the budget's end stopped, or never reached, is out of time; what ended before it stands.
        return results.stream().map(r -> r.status() == Status.PASSED || r.status() == Status.FAILED
            && !(r.cause() instanceof Cause.TimedOut) ? r : outOfTime(specs.stream()
                .filter(s -> s.id().equals(r.id())).findFirst().orElseThrow(), time)).toList();
      }
      return results;
    } catch (EngineUnavailableException | EngineLostException e) {
      throw e; // no spec can run there: the grader stops, or grades the student elsewhere
    } catch (RuntimeException e) {
      abandonIf(placement);
      String message = "kit error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return specs.stream().map(spec -> SpecResult.of(spec, Status.ERROR, message, Map.of(), 0)).toList();
    }
  }

  private static SpecResult outOfTime(SpecInfo spec, GradingBudget time) {
    return SpecResult.of(spec, Status.FAILED, "out of time: this program's share of the submission's grading time ("
        + time.budget().toSeconds() + " s in all, shared among its programs) ran out before this spec could run: it "
        + "was slow to start or to answer, and each spec waited for it. A program that starts and answers at once "
        + "takes a few seconds a spec.",
        new Cause.OutOfTime(time.budget().toMillis()), Map.of(), 0);
  }

  private static void abandonIf(Placement placement) {
    if (placement.abandoned().getAsBoolean()) {
      throw new EngineLostException("contact with the engine " + placement.engine().url() + " broke");
    }
  }

  private static List<SpecResult> byPlan(List<SpecInfo> specs, RunReport report) {
    Map<String, SpecResult> byId = new LinkedHashMap<>();
    report.results().forEach(r -> byId.put(r.id(), r));
    return specs.stream().map(spec -> byId.getOrDefault(spec.id(), SpecResult.of(spec, Status.ERROR,
        "kit error: the runner reported nothing for this spec", Map.of(), 0))).toList();
  }

  private static SpecResult sameDiagnosis(SpecInfo spec, SpecInfo first, SpecResult firstResult) {
    return SpecResult.of(spec, Status.FAILED, firstResult.message() + "\n(Not run again: in " + first.id()
        + " the program never listened, so this spec, which needs it listening, has the same diagnosis.)",
        firstResult.cause(), firstResult.evidence(), 0);
  }

  private static boolean isKitError(SpecResult result) {
    return Diagnosis.of(result).verdict() == Verdict.KIT_ERROR;
  }

  /**
   * The graded specs: each result's verdict, from its cause. A spec that never starts the program
   * earns its points only when the program runs: when at least one spec that starts it passed.
   */
  private List<GradedSpec> graded(String file, Kind kind, List<SpecInfo> plan, Map<String, SpecResult> results) {
    boolean runs = plan.stream().filter(ProgramGrader::startsTheProgram)
        .anyMatch(spec -> results.get(spec.id()).status() == Status.PASSED);
    List<GradedSpec> graded = new ArrayList<>();
    for (SpecInfo spec : plan) {
      SpecResult result = results.get(spec.id());
      Diagnosis.Reading reading = Diagnosis.of(result);
      if (reading.verdict() == Verdict.PASSED && !startsTheProgram(spec) && !runs) {
        reading = new Diagnosis.Reading(Verdict.NOT_EARNED, "no spec that starts " + file + " passed");
      }
      double max = manifest.pointsOf(spec);
      graded.add(new GradedSpec(new LabManifest.Column(file, kind, spec), result, reading.verdict(),
          reading.reason(), reading.verdict() == Verdict.PASSED ? max : 0, max, manifest.isHidden(spec.id())));
    }
    return graded;
  }

  /**
   * The target as the catalogue's configuration parameters, with a wall-clock deadline per spec:
   * JUnit abandons a spec that outlives it (its bench is removed, and everything with it).
   */
  private Map<String, String> parameters(LabProgram labProgram, Path program) {
    Map<String, String> parameters = new LinkedHashMap<>(labProgram.targetParameters(program));
    parameters.put(TargetConfig.TIMESCALE, Double.toString(timescale));
    parameters.put(JUnitSpecRunner.DEADLINE, Math.round(deadlineSeconds(timescale)) + " s");
    parameters.put("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    return parameters;
  }

  /** Every bound of a spec together is well under this: the startup bound (15 s) and a few replies. */
  static double deadlineSeconds(double timescale) {
    return 60 * timescale;
  }

  private static Optional<String> unusable(Map<String, String> parameters) {
    try {
      TargetConfig.from(key -> Optional.ofNullable(parameters.get(key)));
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }
}
