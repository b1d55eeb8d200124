package org.sockspec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.SpecExtension;
import org.sockspec.spec.SpecInfo;

/**
 * Listens to one JUnit execution of the catalogue and keeps one {@link SpecResult} per planned
 * spec: status from the test's outcome, message and evidence from its {@code SpecFailure}, the
 * spec's observations (published as report entries) even when it passes. Specs outside the plan
 * (those that do not apply to the kind) are ignored. When a spec finds that containers cannot
 * run, the rest of the run is cancelled: every other spec would find the same.
 */
final class ResultCollector implements TestExecutionListener {
  private final Map<String, SpecInfo> planned = new LinkedHashMap<>();
  private final SpecListener listener;
  private final CancellationToken cancellation;
  private final Map<String, SpecResult> results = new ConcurrentHashMap<>();
  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> observations = new ConcurrentHashMap<>();
  /** A spec's ladder and capture file: its evidence's last entries, pass or fail. */
  private final Map<String, Map<String, String>> traffic = new ConcurrentHashMap<>();
  private volatile TestPlan testPlan;
  private volatile EngineUnavailableException engineProblem;

  private final Optional<String> deadline;

  /** {@code deadline}: every spec's wall-clock deadline, as configured ("60 s"), if there is one. */
  ResultCollector(List<SpecInfo> plan, SpecListener listener, CancellationToken cancellation,
      Optional<String> deadline) {
    plan.forEach(spec -> planned.put(spec.key(), spec));
    this.listener = listener;
    this.cancellation = cancellation;
    this.deadline = deadline;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    this.testPlan = plan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    spec(id).ifPresent(spec -> {
      startedAt.put(id.getUniqueId(), System.nanoTime());
      listener.started(spec);
    });
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    entry.getKeyValuePairs().forEach((key, value) -> {
      if (key.startsWith(SpecExtension.OBSERVATION)) {
        observations.computeIfAbsent(id.getUniqueId(), k -> new LinkedHashMap<>())
            .put(key.substring(SpecExtension.OBSERVATION.length()), value);
      } else if (key.equals(SpecExtension.LADDER) || key.equals(SpecExtension.CAPTURE_FILE)) {
        traffic.computeIfAbsent(id.getUniqueId(), k -> new LinkedHashMap<>())
            .put(key.equals(SpecExtension.LADDER) ? SpecResult.LADDER : SpecResult.CAPTURE, value);
      }
    });
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    String why = engineProblem != null ? "not run: the container engine is unavailable" : reason;
    for (TestIdentifier test : testsUnder(id)) {
      spec(test).ifPresent(spec -> record(spec, Status.SKIPPED, why, Map.of(), 0));
    }
    scenariosUnder(id).forEach(spec -> record(spec, Status.SKIPPED, why, Map.of(), 0));
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Optional<SpecInfo> spec = spec(id);
    if (spec.isPresent()) {
      Long start = startedAt.remove(id.getUniqueId());
      long ms = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
      Map<String, String> evidence = new LinkedHashMap<>(observations.getOrDefault(id.getUniqueId(), Map.of()));
      Endings.Ending outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
          ? new Endings.Ending(Status.PASSED, "", null, Map.of())
          : result.getThrowable().map(thrown -> Endings.of(thrown, deadline)).orElse(new Endings.Ending(
              result.getStatus() == TestExecutionResult.Status.ABORTED ? Status.SKIPPED : Status.ERROR,
              "the spec ended " + result.getStatus().name().toLowerCase(java.util.Locale.ROOT) + " without a reason",
              null, Map.of()));
      evidence.putAll(outcome.evidence());
      evidence.remove(SpecResult.LADDER); // the spec's own, below, after the rest
      evidence.putAll(traffic.getOrDefault(id.getUniqueId(), Map.of()));
      result.getThrowable().flatMap(Endings::engineProblem).ifPresent(this::stopRun);
      record(spec.get(), outcome.status(), outcome.message(), outcome.cause(), evidence, ms);
    } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
      // A class or the engine failed around its specs (a class that cannot be created, say):
      // the specs inside never ran, which is the kit's error, not the program's failure.
      Throwable thrown = result.getThrowable().orElse(null);
      if (thrown != null) {
        Endings.engineProblem(thrown).ifPresent(this::stopRun);
      }
      String message = "kit error: " + (thrown == null ? "the spec's class failed" : Endings.describe(thrown));
      for (TestIdentifier test : testsUnder(id)) {
        spec(test).ifPresent(s -> record(s, Status.ERROR, message, Map.of(), 0));
      }
      scenariosUnder(id).forEach(s -> record(s, Status.ERROR, message, Map.of(), 0));
    }
  }

  /** Records, once the run is over, an error for every planned spec JUnit never reported. */
  void finishUnreported() {
    planned.values().forEach(spec -> record(spec, Status.ERROR,
        "kit error: the spec was not run (JUnit reported nothing for it)", Map.of(), 0));
  }

  /** One result per planned spec, in plan order (after {@link #finishUnreported}). */
  List<SpecResult> results() {
    return planned.values().stream().map(spec -> results.getOrDefault(spec.id(),
        SpecResult.of(spec, Status.ERROR, "kit error: the spec was not run (JUnit reported nothing for it)",
            Map.of(), 0))).toList();
  }

  Optional<EngineUnavailableException> engineProblem() {
    return Optional.ofNullable(engineProblem);
  }

  private void stopRun(EngineUnavailableException problem) {
    if (engineProblem == null) {
      engineProblem = problem;
    }
    cancellation.cancel();
  }

  private void record(SpecInfo spec, Status status, String message, Map<String, String> evidence, long ms) {
    record(spec, status, message, null, evidence, ms);
  }

  private void record(SpecInfo spec, Status status, String message, Cause cause, Map<String, String> evidence,
      long ms) {
    if (results.putIfAbsent(spec.id(), SpecResult.of(spec, status, message, cause, evidence, ms)) == null) {
      listener.finished(results.get(spec.id()));
    }
  }

  /** The planned scenarios, when {@code id} is the scenario method's template (its invocations may never have been made). */
  private List<SpecInfo> scenariosUnder(TestIdentifier id) {
    boolean template = !id.isTest() && id.getSource().filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast).filter(ResultCollector::isScenarioMethod).isPresent();
    return template ? planned.values().stream().filter(SpecInfo::scenario).toList() : List.of();
  }

  private List<TestIdentifier> testsUnder(TestIdentifier id) {
    if (id.isTest() || testPlan == null) {
      return List.of(id);
    }
    return testPlan.getDescendants(id).stream().filter(TestIdentifier::isTest).toList();
  }

  /**
   * The planned spec a test is: its method's; for a scenario, an invocation of the scenario method
   * named by the scenario's id (the template itself, a container, is none).
   */
  private Optional<SpecInfo> spec(TestIdentifier id) {
    return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .map(source -> {
          String key = key(source.getClassName(), source.getMethodName());
          if (isScenarioMethod(source)) {
            return id.isTest() ? planned.get(key + "[" + id.getDisplayName() + "]") : null;
          }
          return planned.get(key);
        });
  }

  private static boolean isScenarioMethod(MethodSource source) {
    return source.getClassName().equals(org.sockspec.catalogue.ScenarioSpecs.class.getName())
        && source.getMethodName().equals(org.sockspec.catalogue.ScenarioSpecs.METHOD);
  }

  private static String key(String className, String method) {
    return className + "#" + method;
  }
}
