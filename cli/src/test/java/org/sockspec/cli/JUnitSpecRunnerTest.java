package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * The real runner, through the JUnit Launcher, without containers: a spec asked for with --only
 * that does not apply to the kind is skipped by the catalogue's extension before any bench opens.
 */
class JUnitSpecRunnerTest {
  @TempDir
  Path dir;

  @Test
  void aSpecThatDoesNotApplyIsReportedSkippedSayingWhy() throws IOException {
    SpecInfo spec = Catalogue.specs().get(0);
    Kind other = Arrays.stream(Kind.values()).filter(k -> !spec.appliesTo(k)).findFirst().orElseThrow();
    Path program = Files.writeString(dir.resolve("srv.py"), "pass\n");
    List<String> live = new ArrayList<>();
    RunRequest request = new RunRequest(other, "srv.py", Map.of(TargetConfig.KIND, other.id(),
        TargetConfig.PATH, program.toString(), TargetConfig.ONLY, spec.id()), List.of(spec), false);

    RunReport report = new JUnitSpecRunner().run(request, new SpecListener() {
      @Override
      public void finished(SpecResult result) {
        live.add(result.id() + " " + result.status());
      }
    });

    assertThat(report.results()).singleElement().satisfies(result -> {
      assertThat(result.id()).isEqualTo(spec.id());
      assertThat(result.status()).isEqualTo(Status.SKIPPED);
      assertThat(result.message()).contains("does not apply to kind " + other.id());
    });
    assertThat(report.kind()).isEqualTo(other.id());
    assertThat(live).containsExactly(spec.id() + " SKIPPED");
  }
}
