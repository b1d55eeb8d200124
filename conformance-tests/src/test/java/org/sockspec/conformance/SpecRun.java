package org.sockspec.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Sandboxes;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.SpecFailure;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * Runs one spec against one target through the JUnit engine (as JUnit's EngineTestKit tests JUnit),
 * configured exactly as a suite or the CLI would configure it, and checks its verdict: a spec that
 * must fail must fail as a spec (a {@link SpecFailure}), not with a kit error, and for the reason
 * its row names (its cause's kind), as EngineTestKit asserts a failure's type.
 */
final class SpecRun {
  private SpecRun() {}

  /** How one run ended: passed, or failed with what it threw. */
  record Result(boolean passed, Optional<Throwable> thrown) {}

  /** Runs spec {@code specId} with the configuration parameters {@code config} (see TargetConfig). */
  static Result run(String specId, Map<String, String> config) {
    SpecInfo spec = Catalogue.find(specId).orElseThrow(() -> new AssertionFailedError("unknown spec " + specId));
    return run(specId, selectMethod(spec.specClass().getName() + "#" + spec.methodName() + "(" + Bench.class.getName()
        + ")"), config);
  }

  /** Runs the scenario {@code id} of the lab manifest {@code lab} with the configuration parameters {@code config}. */
  static Result runScenario(java.nio.file.Path lab, String id, Map<String, String> config) {
    Map<String, String> withScenario = new java.util.HashMap<>(config);
    withScenario.put(TargetConfig.SCENARIOS, lab.toAbsolutePath().toString());
    withScenario.put(TargetConfig.SCENARIO_IDS, id);
    return run(id, selectMethod(org.sockspec.catalogue.ScenarioSpecs.class.getName() + "#"
        + org.sockspec.catalogue.ScenarioSpecs.METHOD + "(" + Bench.class.getName() + ","
        + org.sockspec.scenario.Scenario.class.getName() + ")"), withScenario);
  }

  private static Result run(String specId, org.junit.platform.engine.DiscoverySelector selector,
      Map<String, String> config) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selector)
        .configurationParameters(config)
        .configurationParameter(TargetConfig.ONLY, specId)
        // -Dsockspec.capture=off measures the matrix without its packet captures (docs/performance.md).
        .configurationParameter(TargetConfig.CAPTURE, System.getProperty(TargetConfig.CAPTURE, "on"))
        .execute();
    Event finished = results.testEvents().finished().stream().findFirst().orElseThrow(() ->
        new AssertionFailedError(specId + " did not run for " + config + " (skipped: " + results.testEvents().skipped()
            .stream().findFirst().flatMap(e -> e.getPayload(String.class)).orElse("?") + ")"));
    TestExecutionResult result = finished.getPayload(TestExecutionResult.class).orElseThrow();
    return new Result(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, result.getThrowable());
  }

  /**
   * Runs the spec and checks its verdict against {@code targetName}: a pass when {@code cause} is
   * null, else a failure whose cause is of that kind.
   */
  static void expect(String specId, Map<String, String> config, String cause, String targetName) {
    expect(run(specId, config), specId, cause, targetName);
  }

  /** Checks a run's {@code verdict} as {@link #expect(String, Map, String, String)} does. */
  static void expect(Result verdict, String specId, String cause, String targetName) {
    boolean mustPass = cause == null;
    Optional<Throwable> thrown = verdict.thrown();
    if (mustPass && !verdict.passed()) {
      throw new AssertionFailedError(specId + " must pass against " + targetName + " but failed:\n"
          + thrown.map(SpecRun::describe).orElse("?"), thrown.orElse(null));
    }
    if (!mustPass) {
      if (verdict.passed()) {
        throw new AssertionFailedError(specId + " must fail against " + targetName
            + " (it is the spec that catches this defect) but it passed");
      }
      if (!(thrown.orElse(null) instanceof SpecFailure failure)) {
        throw new AssertionFailedError(specId + " must fail against " + targetName + " as a spec failure, but it "
            + "ended with an error:\n" + thrown.map(SpecRun::describe).orElse("?"), thrown.orElse(null));
      }
      if (!java.util.List.of(cause.split("\\|")).contains(failure.why().kind())) {
        throw new AssertionFailedError(specId + " must fail against " + targetName + " with a cause of kind " + cause
            + ", the reason its row names, but its cause is " + failure.why().kind() + ": " + failure.why() + "\n"
            + failure.headline(), cause, failure.why().kind());
      }
    }
  }

  /**
   * One dynamic test per row, in the rows' order, while the rows themselves run side by side: every
   * row is started at once on {@code parallel} threads (each row opens its own bench, so the
   * sandbox's lanes bound how many run at a time), and each test waits for its row's check and
   * reports it. The report reads as if the rows had run one after another.
   */
  static <R> Stream<DynamicTest> rowsSideBySide(List<R> rows, Function<R, String> name, Consumer<R> check,
      int parallel) {
    ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, parallel), runnable -> {
      Thread thread = new Thread(runnable, "sockspec-row");
      thread.setDaemon(true);
      return thread;
    });
    List<CompletableFuture<Void>> checks = rows.stream()
        .map(row -> CompletableFuture.runAsync(() -> check.accept(row), threads)).toList();
    threads.shutdown();
    return IntStream.range(0, rows.size()).mapToObj(i -> DynamicTest.dynamicTest(name.apply(rows.get(i)), () -> {
      try {
        checks.get(i).get(ROW_BOUND.toMinutes(), TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    }));
  }

  /**
   * The rows of several targets as one dynamic container per target, in order, every row of every
   * target run side by side (see {@link #rowsSideBySide}), as many at once as the sandbox has lanes
   * ({@value #ROWS_AT_ONCE_PER_CORE} a core, where it can have that many).
   */
  static <R> Stream<DynamicContainer> byTargetSideBySide(Map<String, List<R>> byTarget, Function<R, String> name,
      Consumer<R> check) {
    List<R> all = byTarget.values().stream().flatMap(List::stream).toList();
    // Most of a row's time is a wait (a window run to its end, a reply that never comes): three lanes
    // a core keep the cores busy through them (docs/performance.md measures it).
    Sandboxes.Type sandbox = Sandboxes.Type.ofRun();
    Sandboxes.allowAtOnce(sandbox, null, ROWS_AT_ONCE_PER_CORE * Runtime.getRuntime().availableProcessors());
    List<DynamicTest> tests = rowsSideBySide(all, name, check, Sandboxes.lanes(sandbox, null)).toList();
    List<DynamicContainer> containers = new java.util.ArrayList<>();
    int from = 0;
    for (Map.Entry<String, List<R>> target : byTarget.entrySet()) {
      int to = from + target.getValue().size();
      containers.add(DynamicContainer.dynamicContainer(target.getKey(), tests.subList(from, to).stream()));
      from = to;
    }
    return containers.stream();
  }

  /** How many rows run at once, per core of the machine. */
  static final int ROWS_AT_ONCE_PER_CORE = 3;

  /** Every row is bounded by its spec's own bounds; this only guards a bug. */
  private static final java.time.Duration ROW_BOUND = java.time.Duration.ofMinutes(15);

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
