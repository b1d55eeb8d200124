package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

class CheckCommandTest {
  @TempDir
  Path dir;

  private Path server;
  private final CliFixture cli = new CliFixture();

  @BeforeEach
  void writeServer() throws IOException {
    server = Files.writeString(dir.resolve("srv_tcp.py"), "print('hello')\n");
  }

  @Test
  void missingFileIsBadInputSayingWhichFile() {
    assertThat(cli.run("check", dir.resolve("nope.py").toString(), "--as", "tcp")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("no such file or folder").contains("nope.py")
        .contains("sockspec check --help").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void unknownKindListsTheKinds() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp-forks")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("unknown kind 'tcp-forks'").contains(Kind.names());
  }

  @Test
  void missingKindSaysSo() {
    assertThat(cli.run("check", server.toString())).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("--as");
  }

  @Test
  void folderWithoutCommandAsksForCmd() {
    assertThat(cli.run("check", dir.toString(), "--as", "tcp")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("is a folder").contains("--cmd");
  }

  @Test
  void folderWithCommandIsAccepted() {
    assertThat(cli.run("check", dir.toString(), "--cmd", "python3 srv_tcp.py", "--as", "tcp"))
        .isEqualTo(ExitStatus.PASSED);
    assertThat(cli.requests.get(0).parameters()).containsEntry(TargetConfig.CMD, "python3 srv_tcp.py");
  }

  @Test
  void fileThatCannotBeRunNeedsCmdOrExecutableBit() throws IOException {
    Path text = Files.writeString(dir.resolve("server.txt"), "not a program");
    assertThat(cli.run("check", text.toString(), "--as", "tcp")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("chmod +x").contains("--cmd");
  }

  @Test
  void badPortsAreBadUsage() {
    for (String port : List.of("abc", "0", "70000", "-1")) {
      CliFixture fresh = new CliFixture();
      assertThat(fresh.run("check", server.toString(), "--as", "tcp", "--port=" + port)).isEqualTo(ExitStatus.USAGE);
      assertThat(fresh.err.toString()).contains("the port must be a number from 1 to 65535");
    }
  }

  @Test
  void badTimeScaleIsBadUsage() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--timescale", "0")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("time scale");
  }

  @Test
  void unknownSpecIdInOnlyListsTheValidOnes() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--only", "no.such-spec")).isEqualTo(ExitStatus.USAGE);
    String valid = Catalogue.specsFor(Kind.TCP).get(0).id();
    assertThat(cli.err.toString()).contains("unknown spec id 'no.such-spec'").contains(valid).contains("sockspec specs");
  }

  @Test
  void unknownOptionIsBadUsageInOneParagraph() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--stric")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("--stric").contains("--strict").hasLineCount(1);
  }

  @Test
  void outIntoAMissingFolderIsRefusedBeforeTheRun() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--out", dir.resolve("no/such/r.json").toString()))
        .isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("does not exist");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void noCommandIsBadUsage() {
    assertThat(cli.run()).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("no command given: say check, identify, specs, demo");
  }

  @Test
  void unknownCommandNamesTheCommands() {
    assertThat(cli.run("chek", "srv.py")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("unknown command 'chek'").contains("Did you mean check");
  }

  @Test
  void theTargetIsPluggedInThroughTheCatalogueParameters() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--port", "12900", "--answer", "OK",
        "--timescale", "2")).isEqualTo(ExitStatus.PASSED);
    RunRequest request = cli.requests.get(0);
    assertThat(request.kind()).isEqualTo(Kind.TCP);
    assertThat(request.target()).isEqualTo(server.toString());
    assertThat(request.parameters())
        .containsEntry(TargetConfig.KIND, "tcp")
        .containsEntry(TargetConfig.PATH, server.toAbsolutePath().toString())
        .containsEntry(TargetConfig.PORT, "12900")
        .containsEntry(TargetConfig.ANSWER, "OK")
        .containsEntry(TargetConfig.TIMESCALE, "2.0")
        .doesNotContainKey(TargetConfig.ONLY);
    assertThat(request.plan()).isEqualTo(Catalogue.specsFor(Kind.TCP,
        org.sockspec.bench.LabProtocol.HANDOUT.withAnswer(org.sockspec.probe.protocol.AnswerRule.parse("OK"))));
  }

  @Test
  void onlyNarrowsThePlanAndIsPassedOn() {
    String id = Catalogue.specsFor(Kind.TCP).get(0).id();
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--only", id)).isEqualTo(ExitStatus.PASSED);
    assertThat(cli.requests.get(0).plan()).extracting(SpecInfo::id).containsExactly(id);
    assertThat(cli.requests.get(0).parameters()).containsEntry(TargetConfig.ONLY, id);
  }

  @Test
  void aFailedMustSpecExitsOne() {
    cli.results(spec -> CliFixture.result(spec, Level.MUST, Status.FAILED, "Expecting x but got y"));
    assertThat(cli.run("check", server.toString(), "--as", "tcp")).isEqualTo(ExitStatus.FAILED);
    assertThat(cli.out.toString()).contains("FAIL").contains("Expecting x but got y").contains("FAILED");
  }

  @Test
  void aFailedShouldSpecCountsOnlyWhenStrict() {
    cli.results(spec -> CliFixture.result(spec, Level.SHOULD, Status.FAILED, "not quite"));
    assertThat(cli.run("check", server.toString(), "--as", "tcp")).isEqualTo(ExitStatus.PASSED);
    assertThat(cli.out.toString()).contains("WARN").contains("--strict");
    CliFixture strict = new CliFixture()
        .results(spec -> CliFixture.result(spec, Level.SHOULD, Status.FAILED, "not quite"));
    assertThat(strict.run("check", server.toString(), "--as", "tcp", "--strict")).isEqualTo(ExitStatus.FAILED);
  }

  @Test
  void aFailedInfoSpecNeverCounts() {
    cli.results(spec -> CliFixture.result(spec, Level.INFO, Status.FAILED, "observed otherwise"));
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--strict")).isEqualTo(ExitStatus.PASSED);
  }

  @Test
  void aKitErrorIsNoVerdict() {
    cli.results(spec -> CliFixture.result(spec, Level.MUST, Status.ERROR, "kit error: probe lost"));
    assertThat(cli.run("check", server.toString(), "--as", "tcp")).isEqualTo(ExitStatus.CANNOT_RUN);
    assertThat(cli.out.toString()).contains("NO VERDICT").contains("not a verdict on your program");
  }

  @Test
  void noEngineExitsThreeWithWhatToDo() {
    cli.engine(() -> {
      throw new EngineUnavailableException("no container engine answers. Start one with scripts/ensure-engine.sh", null);
    });
    assertThat(cli.run("check", server.toString(), "--as", "tcp")).isEqualTo(ExitStatus.CANNOT_RUN);
    assertThat(cli.err.toString()).startsWith("sockspec: cannot run containers: no container engine answers")
        .contains("ensure-engine.sh").doesNotContain("\tat ");
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void jsonGoesAloneToStandardOutputAndProgressToStandardError() throws IOException {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--format", "json")).isEqualTo(ExitStatus.PASSED);
    JsonNode report = new ObjectMapper().readTree(cli.out.toString());
    assertThat(report.path("kind").asText()).isEqualTo("tcp");
    assertThat(report.path("results")).hasSize(Catalogue.specsFor(Kind.TCP).size());
    assertThat(cli.err.toString()).contains("PASS").contains("passed");
  }

  @Test
  void quietLeavesStandardErrorEmpty() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--format", "markdown", "-q")).isEqualTo(0);
    assertThat(cli.err.toString()).isEmpty();
    assertThat(cli.out.toString()).contains("| Spec |");
  }

  @Test
  void outWritesTheReportToTheFile() throws IOException {
    Path file = dir.resolve("report.xml");
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--format", "junit", "--out", file.toString()))
        .isEqualTo(ExitStatus.PASSED);
    assertThat(Files.readString(file)).startsWith("<?xml").contains("<testsuite");
    assertThat(cli.out.toString()).isEmpty();
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    assertThat(cli.run("check", server.toString(), "--as", "TCP", "--format", "JSON", "-q")).isEqualTo(0);
  }

  @Test
  void badFormatListsTheFormats() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--format", "xml")).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("text").contains("json").contains("junit").contains("markdown");
  }

  @Test
  void everySubcommandHasHelpAndTheVersion() {
    for (String command : Set.of("check", "identify", "specs", "demo")) {
      CliFixture fresh = new CliFixture();
      assertThat(fresh.run(command, "--help")).isEqualTo(0);
      assertThat(fresh.out.toString()).contains("Usage: sockspec " + command);
    }
    assertThat(cli.run("--version")).isEqualTo(0);
    assertThat(cli.out.toString()).startsWith("sockspec " + KitVersion.get());
  }
}
