package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.Kind;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/** check's protocol flags and --lab: what reaches the catalogue, and bad input told before anything runs. */
class LabProtocolOptionsTest {
  @TempDir
  Path dir;

  private Path server;
  private final CliFixture cli = new CliFixture();

  @BeforeEach
  void writeServer() throws IOException {
    server = Files.writeString(dir.resolve("echo_server.py"), "print('hello')\n");
  }

  private Map<String, String> parameters() {
    return cli.requests.get(0).parameters();
  }

  @Test
  void theFlagsSayTheLabsProtocolAndThePlanIsInItsWords() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--answer", "upper", "--framing", "line",
        "--end", "quit", "--end-answered", "no", "--after-end", "exit")).isEqualTo(ExitStatus.PASSED);
    assertThat(parameters()).containsEntry(TargetConfig.ANSWER, "upper").containsEntry(TargetConfig.FRAMING, "line")
        .containsEntry(TargetConfig.END, "quit").containsEntry(TargetConfig.END_ANSWERED, "no")
        .containsEntry(TargetConfig.AFTER_END, "exit");
    SpecInfo ack = cli.requests.get(0).plan().stream().filter(s -> s.id().equals("tcp.ack")).findFirst().orElseThrow();
    assertThat(ack.summary() + ack.hint()).contains("upper case").doesNotContain("Message received");
  }

  @Test
  void withASilentServerTheSpecsAboutAnswersAreNotInThePlan() {
    assertThat(cli.run("check", server.toString(), "--as", "tcp", "--answer", "none")).isEqualTo(ExitStatus.PASSED);
    assertThat(cli.requests.get(0).plan()).extracting(SpecInfo::id).doesNotContain("tcp.ack")
        .contains("tcp.second-client-waits", "tcp.sockets");
  }

  @Test
  void aPortInTheCommandIsReplacedAndNeedsAPort() {
    assertThat(cli.run("check", dir.toString(), "--as", "tcp", "--cmd", "python3 echo_server.py {port}"))
        .isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("{port}", "--port N");
    CliFixture again = new CliFixture();
    assertThat(again.run("check", dir.toString(), "--as", "tcp", "--cmd", "python3 echo_server.py {port}",
        "--port", "5000")).isEqualTo(ExitStatus.PASSED);
    assertThat(again.requests.get(0).parameters()).containsEntry(TargetConfig.PORT, "5000");
  }

  @Test
  void badProtocolFlagsAreBadUsageNamingTheFlagAndTheValidForms() {
    Map<List<String>, List<String>> cases = Map.of(
        List.of("--answer", "template:no marker"), List.of("--answer", "{msg}", "echo, upper"),
        List.of("--framing", "crlf"), List.of("--framing", "raw", "line"),
        List.of("--after-end", "linger"), List.of("--after-end", "close", "exit"),
        List.of("--udp-buffer", "70000"), List.of("--udp-buffer", "65507"),
        List.of("--udp-buffer", "big"), List.of("--udp-buffer", "number of bytes"),
        List.of("--end-answered", "maybe"), List.of("--end-answered", "yes", "no"),
        List.of("--answer", ""), List.of("--answer", "none"));
    cases.forEach((flag, said) -> {
      CliFixture fresh = new CliFixture();
      List<String> args = new java.util.ArrayList<>(List.of("check", server.toString(), "--as", "tcp"));
      args.addAll(flag);
      assertThat(fresh.run(args.toArray(String[]::new))).as(String.join(" ", flag)).isEqualTo(ExitStatus.USAGE);
      assertThat(fresh.err.toString()).as(String.join(" ", flag)).contains(said).doesNotContain("\tat ");
      assertThat(fresh.requests).isEmpty();
    });
  }

  @Test
  void aManifestNamesTheProgramItsKindAndProtocolAndAFlagOverridesIt() throws IOException {
    Path lab = Files.writeString(dir.resolve("lab.toml"), """
        title = "Echo lab"
        [protocol]
        answer = "echo"
        end = "none"
        port = 5000
        [programs]
        "echo_server.py" = { kind = "tcp", cmd = "python3 echo_server.py {port}" }
        "echo_udp.py" = { kind = "udp", udp-buffer = 2048, answer = "upper" }
        """);
    assertThat(cli.run("check", "--lab", lab.toString(), server.toString())).isEqualTo(ExitStatus.PASSED);
    assertThat(cli.requests.get(0).kind()).isEqualTo(Kind.TCP);
    assertThat(parameters()).containsEntry(TargetConfig.ANSWER, "echo").containsEntry(TargetConfig.END, "none")
        .containsEntry(TargetConfig.PORT, "5000").containsEntry(TargetConfig.CMD, "python3 echo_server.py {port}");

    CliFixture flagged = new CliFixture();
    assertThat(flagged.run("check", "--lab", lab.toString(), server.toString(), "--end", "quit", "--port", "6000"))
        .isEqualTo(ExitStatus.PASSED);
    assertThat(flagged.requests.get(0).parameters()).containsEntry(TargetConfig.END, "quit")
        .containsEntry(TargetConfig.ANSWER, "echo").containsEntry(TargetConfig.PORT, "6000");

    // a folder and --as: the manifest's program of that kind in it
    Files.writeString(dir.resolve("echo_udp.py"), "print('udp')\n");
    CliFixture folder = new CliFixture();
    assertThat(folder.run("check", "--lab", lab.toString(), dir.toString(), "--as", "udp")).isEqualTo(ExitStatus.PASSED);
    assertThat(folder.requests.get(0).parameters()).containsEntry(TargetConfig.PATH,
        dir.resolve("echo_udp.py").toAbsolutePath().toString()).containsEntry(TargetConfig.UDP_BUFFER, "2048")
        .containsEntry(TargetConfig.ANSWER, "upper").containsEntry(TargetConfig.END, "none");
  }

  @Test
  void aProgramTheManifestDoesNotNameNeedsAs() throws IOException {
    Path lab = Files.writeString(dir.resolve("lab.toml"), "[programs]\n\"other.py\" = \"tcp\"\n");
    assertThat(cli.run("check", "--lab", lab.toString(), server.toString())).isEqualTo(ExitStatus.USAGE);
    assertThat(cli.err.toString()).contains("names no program 'echo_server.py'", "other.py", "--as KIND");
  }

  @Test
  void aManifestMistakeIsBadUsageNamingTheKeyAndTheValidOnes() throws IOException {
    Map<String, List<String>> cases = Map.of(
        "[protocol]\nanswr = \"echo\"\n[programs]\n\"a.py\" = \"tcp\"\n", List.of("has no key 'answr'", "answer, framing"),
        "[protocol]\nframing = \"crlf\"\n[programs]\n\"a.py\" = \"tcp\"\n", List.of("[protocol]", "raw", "line"),
        "[programs]\n\"a.py\" = { kind = \"udp\", udp-buffer = 70000 }\n", List.of("\"a.py\"", "65507"),
        "[programs]\n\"a.py\" = { kind = \"tcp\", cmd = \"python3 a.py {port}\" }\n", List.of("{port}", "port = N"),
        "[programs]\n\"a.py\" = { knd = \"tcp\" }\n", List.of("has no key 'knd'", "kind, cmd, build, port"),
        "titel = \"x\"\n[programs]\n\"a.py\" = \"tcp\"\n", List.of("the top level has no key 'titel'"));
    for (Map.Entry<String, List<String>> bad : cases.entrySet()) {
      Path lab = Files.writeString(dir.resolve("bad.toml"), bad.getKey());
      CliFixture fresh = new CliFixture();
      assertThat(fresh.run("check", "--lab", lab.toString(), server.toString(), "--as", "tcp")).as(bad.getKey())
          .isEqualTo(ExitStatus.USAGE);
      assertThat(fresh.err.toString()).as(bad.getKey()).contains(bad.getValue()).doesNotContain("\tat ");
      assertThat(fresh.requests).isEmpty();
    }
  }
}
