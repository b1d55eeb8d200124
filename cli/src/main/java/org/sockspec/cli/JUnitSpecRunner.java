package org.sockspec.cli;

import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.sockspec.spec.SpecInfo;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sockspec.bench.EngineAddress;
import org.sockspec.bench.Sandboxes;
import org.sockspec.cli.report.RunReport;
import org.sockspec.spec.TargetConfig;

/**
 * Runs the catalogue through the JUnit Platform Launcher API, as JUnit's ConsoleLauncher does:
 * the planned specs selected, the target plugged in as configuration parameters (the one
 * place the catalogue takes it from), and a {@link ResultCollector} listening.
 */
public final class JUnitSpecRunner implements SpecRunner {
  /**
   * Settings of every run. Implicit parameters (system properties, a junit-platform.properties on
   * the class path) are off, so nothing of the user's environment changes how specs run;
   * extension auto-detection is off, so only the catalogue's own extension takes part. Specs run
   * side by side, as many as the sandbox has lanes: each has a lane of its own, and most of a
   * spec's time is spent waiting (for an answer, or out a negative window), which others may use.
   * Reports keep the catalogue's order whatever order the specs end in.
   */
  private static Map<String, String> junitSettings(int lanesOfTheSandbox) {
    String lanes = Integer.toString(lanesOfTheSandbox);
    return Map.of(
        "junit.jupiter.extensions.autodetection.enabled", "false",
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", lanes,
        "junit.jupiter.execution.parallel.config.fixed.max-pool-size", lanes,
        "junit.jupiter.testmethod.order.default", CatalogueOrder.class.getName(),
        "junit.jupiter.testclass.order.default", CatalogueOrder.class.getName());
  }

  /** The configuration parameter of a spec's wall-clock deadline (JUnit's own). */
  public static final String DEADLINE = "junit.jupiter.execution.timeout.default";

  /**
   * The configuration parameter of a whole run's end (epoch milliseconds, a grading budget's): no
   * spec starts after it (those left are reported as not run); one running then ends by its deadline.
   */
  public static final String STOP_AT = "sockspec.stop-at";

  /** The spec's own method: catalogue methods are not overloaded, so its name finds it. */
  private static DiscoverySelector selector(SpecInfo spec) {
    if (spec.scenario()) { // every scenario is an invocation of the one template method
      return DiscoverySelectors.selectMethod(spec.specClass().getName() + "#" + spec.methodName() + "("
          + org.sockspec.bench.Bench.class.getName() + "," + org.sockspec.scenario.Scenario.class.getName() + ")");
    }
    for (java.lang.reflect.Method method : spec.specClass().getDeclaredMethods()) {
      if (method.getName().equals(spec.methodName())) {
        return DiscoverySelectors.selectMethod(spec.specClass(), method);
      }
    }
    throw new IllegalStateException("the catalogue has no method " + spec.specClass().getName() + "#" + spec.methodName());
  }

  /** Cancels the run at its {@link #STOP_AT}, if it has one; the timer to shut down after it. */
  private static java.util.concurrent.ScheduledExecutorService stopAt(RunRequest request,
      CancellationToken cancellation) {
    String at = request.parameters().get(STOP_AT);
    if (at == null) {
      return null;
    }
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
        .newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "sockspec-stop-at");
          thread.setDaemon(true);
          return thread;
        });
    timer.schedule(cancellation::cancel, Math.max(0, Long.parseLong(at) - System.currentTimeMillis()),
        java.util.concurrent.TimeUnit.MILLISECONDS);
    return timer;
  }

  @Override
  public RunReport run(RunRequest request, SpecListener listener) {
    CancellationToken cancellation = CancellationToken.create();
    ResultCollector collector = new ResultCollector(request.plan(), listener, cancellation,
        Optional.ofNullable(request.parameters().get(DEADLINE)));
    Sandboxes.Type sandbox = Optional.ofNullable(request.parameters().get(TargetConfig.SANDBOX))
        .map(Sandboxes.Type::parse).orElseGet(Sandboxes.Type::ofRun);
    EngineAddress engine = Optional.ofNullable(request.parameters().get(TargetConfig.ENGINE)).map(EngineAddress::parse)
        .orElse(null);
    LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
        // The planned specs' methods only: the rest of the catalogue is neither discovered nor skipped.
        .selectors(request.plan().stream().map(JUnitSpecRunner::selector).distinct().toList())
        .enableImplicitConfigurationParameters(false)
        .configurationParameters(junitSettings(Sandboxes.lanes(sandbox, engine)))
        // The run's sandbox reaches the catalogue as configuration, as the target does.
        .configurationParameters(Map.of(TargetConfig.SANDBOX, sandbox.id()))
        .configurationParameters(request.parameters())
        .build();
    // The launcher's own listeners found through ServiceLoader are not wanted: a stray one on the
    // class path would print into the reports.
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false).build());
    long start = System.nanoTime();
    java.util.concurrent.ScheduledExecutorService stopper = stopAt(request, cancellation);
    try {
      launcher.execute(LauncherExecutionRequestBuilder.request(discovery).listeners(collector)
          .cancellationToken(cancellation).build());
    } finally {
      if (stopper != null) {
        stopper.shutdownNow();
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    collector.finishUnreported();
    collector.engineProblem().ifPresent(problem -> {
      throw problem;
    });
    return new RunReport(KitVersion.get(), request.kind().id(), request.target(), request.strict(),
        collector.results(), ms, request.leftOut());
  }
}
