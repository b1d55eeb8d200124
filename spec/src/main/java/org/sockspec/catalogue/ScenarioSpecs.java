package org.sockspec.catalogue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Kind;
import org.sockspec.scenario.LabScenarios;
import org.sockspec.scenario.Scenario;
import org.sockspec.spec.SpecExtension;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * A lab's scenarios, each run as a spec: one invocation of {@link #scenario} per scenario the run
 * holds (the lab manifest {@link TargetConfig#SCENARIOS} names, those {@link TargetConfig#SCENARIO_IDS}
 * lists or else those of the run's kind), each with a bench of its own through {@link SpecExtension},
 * so that a scenario is judged, explained and reported as a built-in spec is.
 */
public final class ScenarioSpecs {
  /** The method every scenario is an invocation of. */
  public static final String METHOD = "scenario";

  @TestTemplate
  @ExtendWith({SpecExtension.class, ScenarioSpecs.Invocations.class})
  void scenario(Bench bench, Scenario scenario) {
    ScenarioRunner.run(bench, scenario);
  }

  /** The spec a scenario is, for plans and reports. */
  public static SpecInfo info(Scenario scenario) {
    return new SpecInfo(scenario.id(), scenario.level(), scenario.question(), scenario.kinds(), scenario.summary(),
        scenario.hint(), ScenarioSpecs.class, METHOD, scenario.startsProgram(), List.of(), true);
  }

  /** The scenarios a run of these configuration parameters holds, in order, as {@link TargetConfig#ONLY} selects. */
  static List<Scenario> ofRun(java.util.function.Function<String, Optional<String>> parameters) {
    List<String> only = parameters.apply(TargetConfig.ONLY).map(ids -> Arrays.stream(ids.split(","))
        .map(String::trim).filter(id -> !id.isEmpty()).toList()).orElse(List.of());
    return ofLab(parameters).stream().filter(s -> only.isEmpty() || only.contains(s.id())).toList();
  }

  private static List<Scenario> ofLab(java.util.function.Function<String, Optional<String>> parameters) {
    Optional<String> lab = parameters.apply(TargetConfig.SCENARIOS);
    if (lab.isEmpty()) {
      return List.of();
    }
    List<Scenario> all = LabScenarios.read(Path.of(lab.get()));
    Optional<String> ids = parameters.apply(TargetConfig.SCENARIO_IDS);
    if (ids.isPresent()) {
      List<String> wanted = Arrays.stream(ids.get().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
      return wanted.stream().map(id -> all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("the lab " + lab.get() + " has no scenario '" + id + "'"))).toList();
    }
    Kind kind = Kind.parse(parameters.apply(TargetConfig.KIND).orElseThrow());
    return all.stream().filter(s -> s.kinds().contains(kind)).toList();
  }

  /** One invocation per scenario of the run, named by its id. */
  public static final class Invocations implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
      return context.getRequiredTestMethod().getName().equals(METHOD);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
      return ofRun(context::getConfigurationParameter).stream().map(Invocation::new);
    }

    /** Zero scenarios is a run without them, not an error. */
    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
      return true;
    }
  }

  /** A scenario's invocation: named by its id, given its scenario, declared to the extension as its spec. */
  private record Invocation(Scenario scenario) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return scenario.id();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new ScenarioParameter(scenario));
    }
  }

  /** Hands the scenario to the method, and tells the extension which spec this invocation is. */
  private record ScenarioParameter(Scenario scenario) implements ParameterResolver, BeforeEachCallback {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Scenario.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return scenario;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      SpecExtension.declare(context, info(scenario));
    }
  }
}
