package org.sockspec.conformance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sockspec.scenario.LabScenarios;
import org.sockspec.scenario.Scenario;
import org.sockspec.spec.TargetConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step vocabulary is enough for the kit's own catalogue: six built-in specs written again as
 * scenarios ({@code examples/labs/handout-as-scenarios/lab.toml}, ids {@code handout.SPEC}) get, against
 * every reference program and planted defect of their spec's rows in the conformance matrix (the
 * handout's protocol), the built-in spec's verdict and kind of cause, row by row.
 */
class HandoutScenariosIT {
  static final Path LAB = Path.of("..", "examples", "labs", "handout-as-scenarios", "lab.toml");
  private static final String PREFIX = "handout.";

  @Test
  void sixSpecsAreWrittenAgainAsScenarios() {
    List<String> specs = LabScenarios.read(LAB).stream().map(Scenario::id).map(id -> id.substring(PREFIX.length()))
        .toList();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(6).contains("tcp.ack", "tcp.second-client-waits",
        "udp.truncates-to-50", "mtcp.concurrent", "client.tcp.refused");
  }

  @TestFactory
  Stream<DynamicContainer> eachScenarioGetsItsSpecsVerdictOnEveryRow() {
    List<String> specs = LabScenarios.read(LAB).stream().map(s -> s.id().substring(PREFIX.length())).toList();
    Map<String, List<ExpectedVerdicts.Row>> byTarget = ExpectedVerdicts.load().rows().stream()
        .filter(row -> row.profile().equals(ExpectedVerdicts.HANDOUT) && specs.contains(row.specId()))
        .collect(Collectors.groupingBy(ExpectedVerdicts.Row::targetName, LinkedHashMap::new, Collectors.toList()));
    assertThat(byTarget).as("matrix rows for the six specs").isNotEmpty();
    return SpecRun.byTargetSideBySide(byTarget,
        row -> PREFIX + row.specId() + (row.passes() ? " passes" : " fails " + row.cause()), HandoutScenariosIT::check);
  }

  private static void check(ExpectedVerdicts.Row row) {
    Map<String, String> config = new java.util.HashMap<>(row.protocol());
    config.putAll(Map.of(
        TargetConfig.KIND, row.kind().id(),
        TargetConfig.REFERENCE, row.program(),
        TargetConfig.DEFECT, row.defect() == null ? "" : row.defect()));
    String id = PREFIX + row.specId();
    SpecRun.expect(SpecRun.runScenario(LAB, id, config), id, row.cause(), row.targetName());
  }
}
