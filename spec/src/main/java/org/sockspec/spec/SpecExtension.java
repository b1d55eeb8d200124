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
import org.sockspec.bench.Bench;
import org.sockspec.bench.Evidence;
import org.sockspec.bench.internal.EngineUnavailableException;
import org.sockspec.bench.internal.KitException;

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
    if (!config.selects(spec.id())) {
      return ConditionEvaluationResult.disabled(spec.id() + " is not selected");
    }
    return ConditionEvaluationResult.enabled(spec.id() + " applies to kind " + config.kind());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Bench.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TargetConfig config = config(context);
    try {
      Bench bench = Bench.open(config.target(), config.timing());
      context.getStore(NS).put(Bench.class, bench);
      return bench;
    } catch (EngineUnavailableException | KitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("could not set up the bench for " + config.target() + ": " + e.getMessage(), e);
    }
  }

  /** Report-entry key prefix of a spec's observations (see {@link Bench#observe}). */
  public static final String OBSERVATION = "sockspec.observation.";

  @Override
  public void afterEach(ExtensionContext context) {
    Bench bench = context.getStore(NS).remove(Bench.class, Bench.class);
    if (bench != null) {
      try {
        bench.observations().asMap().forEach((name, finding) -> context.publishReportEntry(OBSERVATION + name, finding));
      } finally {
        bench.close();
      }
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (failure instanceof SpecFailure || !(failure instanceof AssertionError)) {
      throw failure;
    }
    SpecInfo spec = context.getTestMethod().flatMap(SpecInfo::of).orElse(null);
    if (spec == null) {
      throw failure;
    }
    Bench bench = context.getStore(NS).get(Bench.class, Bench.class);
    Evidence evidence = bench == null ? new Evidence() : bench.evidence();
    throw new SpecFailure(spec, failure.getMessage(), evidence, failure);
  }

  /** The target is built once per run (it may tar a folder), shared by every spec of the run. */
  private static TargetConfig config(ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent(TargetConfig.class,
        key -> TargetConfig.from(context::getConfigurationParameter), TargetConfig.class);
  }
}
