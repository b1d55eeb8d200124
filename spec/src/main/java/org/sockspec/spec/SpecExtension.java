package org.sockspec.spec;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import org.sockspec.bench.Bench;
import org.sockspec.bench.BuildFailedException;
import org.sockspec.bench.BuildResult;
import org.sockspec.bench.Builds;
import org.sockspec.bench.Sandboxes;
import org.sockspec.bench.Target;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.HiddenEvidence;
import org.sockspec.bench.Evidence;
import org.sockspec.bench.KitException;
import org.sockspec.bench.Traffic;

/**
 * Plugs the configured target into every {@link Spec}: skips specs that do not apply to the
 * target's kind (or are not selected), opens a fresh {@link Bench} for each spec that asks for one
 * and removes it afterwards, and turns a plain assertion failure into a {@link SpecFailure} that
 * carries the bench's evidence.
 */
public final class SpecExtension
    implements ExecutionCondition, ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SpecExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Method method = context.getTestMethod().orElse(null);
    SpecInfo spec = method == null ? null : SpecInfo.of(method).orElse(null);
    if (spec == null) {
      return ConditionEvaluationResult.enabled("not a spec method");
    }
    TargetConfig config = config(context);
    if (!spec.appliesTo(config.kind())) {
      return ConditionEvaluationResult.disabled(spec.id() + " does not apply to kind " + config.kind());
    }
    java.util.Optional<String> notForTheLab = spec.notForTheLab(config.target().protocol());
    if (notForTheLab.isPresent()) {
      return ConditionEvaluationResult.disabled(spec.id() + " does not apply to this lab: " + notForTheLab.get());
    }
    if (!config.selects(spec.id())) {
      return ConditionEvaluationResult.disabled(spec.id() + " is not selected");
    }
    return ConditionEvaluationResult.enabled(spec.id() + " applies to kind " + config.kind());
  }

  /**
   * Declares which spec the test of {@code context} is, where its method does not say (a scenario:
   * every one is an invocation of the same method).
   */
  public static void declare(ExtensionContext context, SpecInfo spec) {
    context.getStore(NS).put(SpecInfo.class, spec);
  }

  /** The spec the test of {@code context} is: its method's annotation, or what was declared for it. */
  private static java.util.Optional<SpecInfo> specOf(ExtensionContext context) {
    return context.getTestMethod().flatMap(SpecInfo::of)
        .or(() -> java.util.Optional.ofNullable(context.getStore(NS).get(SpecInfo.class, SpecInfo.class)));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Bench.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TargetConfig config = config(context);
    try {
      warmOnce(context, config);
      org.sockspec.bench.internal.Trace.log("spec " + context.getDisplayName() + ": opening its bench");
      Bench bench = Bench.open(built(config), config.timing(), config.sandbox(), config.engine(), config.capture());
      org.sockspec.bench.internal.Trace.log("spec " + context.getDisplayName() + ": bench open");
      context.getStore(NS).put(Bench.class, bench);
      return bench;
    } catch (EngineUnavailableException | KitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("could not set up the bench for " + config.target() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The target ready to run: built first if it is to be (once for the run, see {@link Builds}); a
   * build that failed fails the spec, for the program.
   */
  private static Target built(TargetConfig config) {
    try {
      return Builds.ready(config.target(), config.sandbox(), config.engine());
    } catch (BuildFailedException e) {
      BuildResult build = e.result();
      throw new CausedFailure(new Cause.BuildFailed(build.build().command(), build.status(), build.stoppedBy(),
          build.errors()), BuildVerdict.sentence(build));
    }
  }

  /** Report-entry key prefix of a spec's observations (see {@link Bench#observe}). */
  public static final String OBSERVATION = "sockspec.observation.";
  /** Report-entry key of a spec's ladder diagram, pass or fail (see {@link Bench#traffic}). */
  public static final String LADDER = "sockspec.ladder";
  /** Report-entry key of the file a spec's capture was kept in ({@code sockspec.capture} a folder). */
  public static final String CAPTURE_FILE = "sockspec.capture";

  @Override
  public void afterEach(ExtensionContext context) {
    Bench bench = context.getStore(NS).remove(Bench.class, Bench.class);
    if (bench != null) {
      try {
        bench.observations().asMap().forEach((name, finding) -> context.publishReportEntry(OBSERVATION + name, finding));
        TargetConfig config = config(context);
        if (config.capture()) {
          Traffic traffic = bench.traffic();
          context.publishReportEntry(LADDER, traffic.ladder());
          SpecInfo spec = specOf(context).orElse(null);
          if (config.keepCaptures() != null && traffic.captured() && spec != null) {
            context.publishReportEntry(CAPTURE_FILE, CaptureFiles.keep(config.keepCaptures(), spec.id(), traffic.pcap()));
          }
        }
      } finally {
        bench.close();
      }
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    SpecInfo spec = specOf(context)
        .map(info -> SpecIndex.inTheWordsOf(info, config(context).target().protocol())).orElse(null);
    if (spec != null && isBenchBreak(failure)) {
      failure = chargedToTheProgram(context, spec, failure);
    }
    if (spec == null || !(failure instanceof AssertionError)) {
      throw failure; // not a spec's verdict: a kit error, or a test that is not a spec
    }
    SpecFailure specFailure = failure instanceof SpecFailure already ? already : withEvidence(context, spec, failure);
    if (!config(context).counts(spec.level())) {
      throw new TestAbortedException("not counted (" + spec.level() + " spec, " + TargetConfig.COUNTED + "="
          + context.getConfigurationParameter(TargetConfig.COUNTED).orElse("?") + "); it failed: "
          + specFailure.getMessage(), specFailure);
    }
    throw specFailure;
  }

  /** The headline of a bench the program broke. */
  static final String BROKE_THE_BENCH = "Expecting the bench to keep running while the program ran, but ";

  /**
   * A kit error during a spec, unless the program could have caused it: then its verdict, with the
   * evidence the bench still has (see {@link Bench#brokenByTheProgram}). A kit error is never
   * something a program can cause.
   */
  private static Throwable chargedToTheProgram(ExtensionContext context, SpecInfo spec, Throwable failure) {
    Bench bench = context.getStore(NS).get(Bench.class, Bench.class);
    if (bench == null) {
      return failure;
    }
    return bench.brokenByTheProgram().<Throwable>map(how -> {
      Bench.PostMortem postMortem = bench.postMortem();
      return new SpecFailure(spec, BROKE_THE_BENCH + how + ".",
          FailureCauses.of(new Cause.BenchBroken(how), postMortem), postMortem.evidence(), failure);
    }).orElse(failure);
  }

  private static boolean isBenchBreak(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EngineUnavailableException) {
        return false;
      }
      if (t instanceof KitException) {
        return true;
      }
    }
    return false;
  }

  private static SpecFailure withEvidence(ExtensionContext context, SpecInfo spec, Throwable failure) {
    Bench bench = context.getStore(NS).get(Bench.class, Bench.class);
    Cause seen = failure instanceof CausedFailure caused ? caused.why()
        : failure instanceof HiddenEvidence hidden ? new Cause.BenchBroken(hidden.how())
        : failure instanceof org.sockspec.bench.OwnTimeWait held ? new Cause.OwnTimeWait(held.port(),
            held.left().toMillis(), held.waited().toMillis(), held.budget().toMillis())
        : new Cause.Unexplained(failure.getMessage());
    if (bench == null) {
      return new SpecFailure(spec, failure.getMessage(), seen, new Evidence(), failure);
    }
    Bench.PostMortem postMortem = bench.postMortem();
    return new SpecFailure(spec, failure.getMessage(), FailureCauses.of(seen, postMortem), postMortem.evidence(),
        failure);
  }

  /**
   * At the run's first bench, tells the sandbox how many this run's specs will open, so that the
   * lanes they will run in are made ready at once, side by side, rather than one by one on demand.
   */
  private static void warmOnce(ExtensionContext context, TargetConfig config) {
    context.getRoot().getStore(NS).getOrComputeIfAbsent(Warmed.class, key -> {
      Sandboxes.warm(config.sandbox(), config.engine(), config.benchesOfRun());
      return new Warmed();
    }, Warmed.class);
  }

  /** The run's lanes were warmed (a store value of its own type). */
  private record Warmed() {}

  /** The target is built once per run (it may tar a folder), shared by every spec of the run. */
  private static TargetConfig config(ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent(TargetConfig.class,
        key -> TargetConfig.from(context::getConfigurationParameter), TargetConfig.class);
  }
}
