package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.Kind;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.Main;
import org.sockspec.cli.RunRequest;
import org.sockspec.cli.SpecRunner;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/** {@code sockspec grade} with a fake runner: what it writes, from which results, without containers. */
class GradeCommandTest {
  private static final Schema GRADESCOPE = schema();

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<RunRequest> requests = new ArrayList<>();

  /** tcp.ack fails with evidence holding a fake result JSON; every other spec passes. */
  private final SpecRunner runner = (request, listener) -> {
    synchronized (requests) {
      requests.add(request);
    }
    List<SpecResult> results = request.plan().stream().map(spec -> spec.id().equals("tcp.ack")
        ? SpecResult.of(spec, Status.FAILED, "Expecting the answer \"Message received\", but got \"ok\".",
            new Cause.WrongAnswer("client A", "b'Message received'", "b'ok'", 2), Map.of("output", "{\"score\": 100.0, \"tests\": []}\n</script><b>x</b>"), 10)
        : SpecResult.of(spec, Status.PASSED, "", Map.of(), 10)).toList();
    return new RunReport("test", request.kind().id(), request.target(), false, results, 20);
  };

  private int grade(SpecRunner with, String... args) {
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), with, () -> { }, false);
    return Main.run(context, args);
  }

  private Path student(String name, String... files) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("class").resolve(name));
    for (String file : files) {
      Files.writeString(folder.resolve(file), "print('hello')\n");
    }
    return folder;
  }

  @Test
  void aProgramThatNeverRunsEarnsNothingForTheSpecsThatNeverStartIt() throws Exception {
    // Every spec that starts a program finds it never listening; the two about no server pass.
    SpecRunner nothingListens = (request, listener) -> new RunReport("test", request.kind().id(), request.target(),
        false, request.plan().stream().map(spec -> spec.startsProgram()
            ? SpecResult.of(spec, Status.FAILED, "never listened", new Cause.NeverListened(Protocol.TCP, 12800, 15000),
                Map.of(), 10)
            : SpecResult.of(spec, Status.PASSED, "", Map.of(), 10)).toList(), 20);
    student("dan", "srv_tcp.py", "srv_udp.py", "srv_tcp_fork.py", "srv_tcp_select.py", "client_tcp.py",
        "client_udp.py");
    Path grades = dir.resolve("grades");

    assertThat(grade(nothingListens, "grade", dir.resolve("class").toString(), "--out", grades.toString())).isZero();

    tools.jackson.databind.JsonNode results = new tools.jackson.databind.ObjectMapper()
        .readTree(Files.readString(grades.resolve("dan/results.json")));
    assertThat(results.path("score").asDouble()).isZero();
    List<String> unearned = new ArrayList<>();
    for (tools.jackson.databind.JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      if (cell.path("verdict").asText().equals("not-earned")) {
        unearned.add(cell.path("program").asText() + " " + cell.path("spec").asText() + ": " + cell.path("reason").asText());
      }
    }
    assertThat(unearned).containsExactlyInAnyOrder(
        "srv_tcp.py tcp.refused-without-server: no spec that starts srv_tcp.py passed",
        "srv_udp.py udp.send-without-server: no spec that starts srv_udp.py passed");
  }

  @Test
  void whatTheBudgetDoesNotReachIsOutOfTimeAndTheGradeStillComesBack() throws Exception {
    // The first request takes the whole budget (a program slow to start in every spec would): what
    // that program has left is not run at all, and says why; what ran meanwhile stands.
    java.util.concurrent.atomic.AtomicReference<String> slow = new java.util.concurrent.atomic.AtomicReference<>();
    SpecRunner slowFirst = (request, listener) -> {
      synchronized (requests) {
        requests.add(request);
      }
      if (slow.compareAndSet(null, request.target())) {
        long until = System.nanoTime() + 1_200_000_000L;
        while (System.nanoTime() < until) {
          java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
        }
      }
      return new RunReport("test", request.kind().id(), request.target(), false, request.plan().stream()
          .map(spec -> SpecResult.of(spec, Status.PASSED, "", Map.of(), 10)).toList(), 20);
    };
    student("eve", "srv_tcp.py", "srv_udp.py", "srv_tcp_fork.py", "srv_tcp_select.py", "client_tcp.py",
        "client_udp.py");
    Path grades = dir.resolve("grades");

    assertThat(grade(slowFirst, "grade", dir.resolve("class").toString(), "--out", grades.toString(), "--budget", "1"))
        .as(err.toString()).isZero();

    tools.jackson.databind.JsonNode results = new tools.jackson.databind.ObjectMapper()
        .readTree(Files.readString(grades.resolve("eve/results.json")));
    List<String> outOfTime = new ArrayList<>();
    for (tools.jackson.databind.JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      if (cell.path("reason").asText().equals("out of grading time")) {
        outOfTime.add(cell.path("program").asText());
      }
    }
    String slowFile = Path.of(slow.get()).getFileName().toString();
    assertThat(outOfTime).isNotEmpty().containsOnly(slowFile);
    assertThat(requests.stream().filter(r -> r.target().equals(slow.get()))).as("nothing more of " + slowFile
        + " was run once the budget was spent").hasSize(1);
    assertThat(Files.readString(grades.resolve("eve/results.json"))).contains("out of time: this program's share");
  }

    @Test
  void onAPlatformEachProgramHasItsShareOfTheBudgetSoOneSlowProgramCostsOnlyItself() throws Exception {
    // Graded one after another: the first program's first spec outlives its share (10 s / 6 programs);
    // its other specs are out of time, and every other program is graded in full.
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    SpecRunner slowFirst = (request, listener) -> {
      if (first.getAndSet(false)) {
        long until = System.nanoTime() + 1_800_000_000L;
        while (System.nanoTime() < until) {
          java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
        }
      }
      return new RunReport("test", request.kind().id(), request.target(), false, request.plan().stream()
          .map(spec -> SpecResult.of(spec, Status.PASSED, "", Map.of(), 10)).toList(), 20);
    };
    Path submission = student("fay", "srv_tcp.py", "srv_udp.py", "srv_tcp_fork.py", "srv_tcp_select.py",
        "client_tcp.py", "client_udp.py");
    Path results = dir.resolve("results.json");

    assertThat(grade(slowFirst, "autograder", "run", "gradescope", "--submission", submission.toString(),
        "--results", results.toString(), "--budget", "10", "--sandbox", "containers")).as(err.toString()).isZero();

    tools.jackson.databind.JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(Files.readString(results));
    List<String> outOfTime = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (tools.jackson.databind.JsonNode cell : json.path("extra_data").path("sockspec").path("tests")) {
      (cell.path("reason").asText().equals("out of grading time") ? outOfTime : passed)
          .add(cell.path("program").asText() + " " + cell.path("spec").asText());
    }
    assertThat(outOfTime).isNotEmpty().allMatch(cell -> cell.startsWith("srv_tcp.py "));
    assertThat(passed).anyMatch(cell -> cell.startsWith("client_udp.py "))
        .noneMatch(cell -> cell.startsWith("srv_tcp.py ") && !cell.endsWith("tcp.ack"));
  }

  @Test
  void aBudgetTooShortToGradeIsBadUsage() throws Exception {
    Path submission = student("gil", "srv_tcp.py");
    assertThat(grade(runner, "autograder", "run", "gradescope", "--submission", submission.toString(), "--budget", "3"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--budget 3 is too short", "--budget 480");
  }

    @Test
  void eachProgramIsGradedInItsLabsProtocolWithItsCommandAndPort() throws Exception {
    Path lab = Files.writeString(dir.resolve("echo.toml"), """
        title = "Echo lab"
        skip = ["tcp.backlog-overflow"]
        [protocol]
        answer = "echo"
        end = "none"
        port = 5000
        [programs]
        "echo.py" = { kind = "tcp", cmd = "python3 echo.py {port}" }
        "upper.py" = { kind = "udp", answer = "upper", udp-buffer = 2048, port = 6000 }
        """);
    student("hal", "echo.py", "upper.py");

    assertThat(grade(runner, "grade", dir.resolve("class").toString(), "--lab", lab.toString(), "--out",
        dir.resolve("grades").toString())).as(err.toString()).isZero();

    RunRequest echo = requests.stream().filter(r -> r.target().endsWith("echo.py")).findFirst().orElseThrow();
    assertThat(echo.parameters()).containsEntry(TargetConfig.ANSWER, "echo").containsEntry(TargetConfig.END, "none")
        .containsEntry(TargetConfig.PORT, "5000").containsEntry(TargetConfig.CMD, "python3 echo.py {port}");
    assertThat(requests.stream().filter(r -> r.target().endsWith("echo.py")).flatMap(r -> r.plan().stream())
        .map(SpecInfo::id)).doesNotContain("tcp.backlog-overflow");
    SpecInfo ack = echo.plan().stream().filter(spec -> spec.id().equals("tcp.ack")).findFirst().orElseThrow();
    assertThat(ack.summary()).contains("the message itself").doesNotContain("answer text");
    RunRequest upper = requests.stream().filter(r -> r.target().endsWith("upper.py")).findFirst().orElseThrow();
    assertThat(upper.parameters()).containsEntry(TargetConfig.ANSWER, "upper")
        .containsEntry(TargetConfig.UDP_BUFFER, "2048").containsEntry(TargetConfig.PORT, "6000")
        .containsEntry(TargetConfig.END, "none").doesNotContainKey(TargetConfig.CMD);
  }

    @Test
  void writesEveryOutputAndGradesAMissingProgramAsNotHandedIn() throws Exception {
    student("alice", "srv_tcp.py", "srv_udp.py", "srv_tcp_fork.py", "srv_tcp_select.py", "client_tcp.py",
        "client_udp.py");
    student("bob", "srv_udp.py");
    Path grades = dir.resolve("grades");

    int status = grade(runner, "grade", dir.resolve("class").toString(), "--out", grades.toString(), "--jobs", "2");

    assertThat(status).as(err.toString()).isZero();
    for (String file : List.of("grades.csv", "report.html", "alice/results.json", "alice/report.md",
        "bob/results.json", "bob/report.md")) {
      assertThat(grades.resolve(file)).as(file).isRegularFile();
    }
    GradescopeResults.Row bob = GradescopeResults.read(grades.resolve("bob/results.json"));
    assertThat(bob.cells().get("srv_tcp.py: tcp.ack").verdict()).isEqualTo(Verdict.NOT_HANDED_IN);
    assertThat(bob.cells().get("srv_tcp.py: tcp.ack").output()).contains("not handed in");
    assertThat(bob.cells().get("srv_udp.py: udp.ack").verdict()).isEqualTo(Verdict.PASSED);
    GradescopeResults.Row alice = GradescopeResults.read(grades.resolve("alice/results.json"));
    assertThat(alice.cells().get("srv_tcp.py: tcp.ack").verdict()).isEqualTo(Verdict.FAILED);
    assertThat(alice.score()).isEqualTo(alice.maxScore() - 2);
    // A program is only run when handed in; each run carries the per-spec deadline.
    assertThat(requests).allSatisfy(r -> assertThat(r.parameters())
        .containsKey("junit.jupiter.execution.timeout.default").containsKey(TargetConfig.ONLY));
    assertThat(requests).noneMatch(r -> r.target().contains("bob") && !r.target().endsWith("srv_udp.py"));

    String csv = Files.readString(grades.resolve("grades.csv"));
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv).startsWith("student,srv_tcp.py: tcp.ack,").contains("\r\nalice,0,");
    String html = Files.readString(grades.resolve("report.html"));
    assertThat(html).doesNotContain("http://", "https://", "<b>x</b>").contains("Pass rate per spec");
    assertThat(Files.readString(grades.resolve("alice/report.md"))).contains("tcp.ack", "Message received")
        .doesNotContain("tcp.backlog-overflow"); // hidden until release
  }

  @Test
  void captureKeepsEachSpecsCaptureInAFolderPerStudentAndProgram() throws Exception {
    student("fay", "srv_tcp.py", "srv_udp.py");
    Path captures = dir.resolve("pcaps");

    assertThat(grade(runner, "grade", dir.resolve("class").toString(), "--out", dir.resolve("g").toString(),
        "--capture", captures.toString())).isZero();

    assertThat(requests).isNotEmpty().allSatisfy(request -> assertThat(request.parameters().get(TargetConfig.CAPTURE))
        .isEqualTo(captures.toAbsolutePath().resolve("fay").resolve(Path.of(request.target()).getFileName()).toString()));
    assertThat(grade(runner, "grade", dir.resolve("class").toString(), "--capture",
        Files.writeString(dir.resolve("a-file"), "x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is a file: give a folder");
  }

  @Test
  void repeatReportsEverySpecWhoseVerdictChangedAndShowsProgressEachRound() throws Exception {
    student("erin", "srv_tcp.py");
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    SpecRunner flipping = (request, listener) -> {
      // tcp.ack's verdict flips from one run of it to the next
      boolean second = request.plan().stream().anyMatch(spec -> spec.id().equals("tcp.ack"))
          && runs.incrementAndGet() % 2 == 0;
      List<SpecResult> results = request.plan().stream().map(spec -> spec.id().equals("tcp.ack") && second
          ? SpecResult.of(spec, Status.FAILED, "Expecting the answer, but got nothing.",
              new Cause.NoAnswer("client A", 1000, "timeout", null), Map.of(), 1)
          : SpecResult.of(spec, Status.PASSED, "", Map.of(), 1)).toList();
      return new RunReport("test", request.kind().id(), request.target(), false, results, 2);
    };

    int status = grade(flipping, "grade", dir.resolve("class").toString(), "--out", dir.resolve("g").toString(),
        "--repeat", "2", "--jobs", "1");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("tcp.ack");
    assertThat(err.toString()).contains("Round 2 of 2").doesNotContain("[1/0]").contains("[1/1] erin");
  }

  @Test
  void resultsJsonFollowsGradescopesFormatAndHidesWhatTheManifestHides() throws Exception {
    student("carol", "srv_tcp.py", "client_udp.py");
    Path grades = dir.resolve("grades");

    assertThat(grade(runner, "grade", dir.resolve("class").toString(), "--out", grades.toString())).isZero();

    tools.jackson.databind.JsonNode results = new tools.jackson.databind.ObjectMapper()
        .readTree(Files.readString(grades.resolve("carol/results.json")));
    assertThat(GRADESCOPE.validate(results)).isEmpty();
    assertThat(results.path("tests").size()).isEqualTo(LabManifest.defaults().columns().size());
    LabManifest lab = LabManifest.defaults();
    results.path("tests").forEach(test -> assertThat(test.path("visibility").asString()).isEqualTo(
        lab.isHidden(test.path("name").asString().replaceFirst("^.*: ", "")) ? "after_published" : "visible"));
    assertThat(results.toString()).contains("after_published");
    // what the program printed stays text inside an output: the fake score is not the score
    assertThat(results.path("score").asDouble()).isLessThan(results.path("extra_data").path("sockspec")
        .path("max_score").asDouble());
  }

  @Test
  void theSchemaRejectsWhatGradescopeWouldReject() throws Exception {
    tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
    assertThat(GRADESCOPE.validate(json.readTree("{\"score\": 1, \"tests\": [{\"visibility\": \"students\"}]}")))
        .isNotEmpty();
    assertThat(GRADESCOPE.validate(json.readTree("{\"tests\": [{\"name\": \"a\"}]}"))).isNotEmpty();
    assertThat(GRADESCOPE.validate(json.readTree("{\"score\": \"ten\"}"))).isNotEmpty();
  }

  @Test
  void aManifestWithUnknownSpecIdsIsBadUsageListingTheValidOnes() throws Exception {
    student("dave", "srv_tcp.py");
    Path lab = dir.resolve("lab.toml");
    Files.writeString(lab, LabManifest.defaultText().replace("\"tcp.ack\" = 2.0", "\"tcp.akc\" = 2.0"));

    int status = grade(runner, "grade", dir.resolve("class").toString(), "--lab", lab.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("unknown spec id: 'tcp.akc'", "Valid ids: tcp.ack, tcp.end");
    assertThat(requests).isEmpty();
  }

  @Test
  void printLabPrintsTheBuiltInManifestWhichParsesBack() {
    assertThat(grade(runner, "grade", "--print-lab")).isZero();
    LabManifest printed = LabManifest.parse(out.toString(), "printed");
    assertThat(printed.programs()).hasSize(6);
    assertThat(printed.programs().get("srv_tcp_fork.py").kind()).isEqualTo(org.sockspec.bench.Kind.TCP_FORK);
    // the handout's protocol, written out: the manifest is the one description of the lab
    assertThat(printed.protocol()).isEqualTo(org.sockspec.bench.LabProtocol.HANDOUT);
    assertThat(printed.port()).isEqualTo(12800);
    assertThat(out.toString()).contains("[protocol]", "answer = \"Message received\"", "udp-buffer = 50");
  }

  @Test
  void resumeSkipsFinishedStudentsAndKitErrorsAreRetriedOnceThenNotFinished() throws Exception {
    student("erin", "srv_udp.py");
    student("fred", "srv_udp.py");
    Path grades = dir.resolve("grades");
    int[] calls = {0};
    SpecRunner flaky = (request, listener) -> {
      synchronized (calls) {
        calls[0]++;
      }
      boolean fred = request.target().contains("fred");
      List<SpecResult> results = request.plan().stream().map(spec -> fred
          ? SpecResult.of(spec, Status.ERROR, "kit error: the probe did not answer", Map.of(), 1)
          : SpecResult.of(spec, Status.PASSED, "", Map.of(), 1)).toList();
      return new RunReport("test", request.kind().id(), request.target(), false, results, 2);
    };

    assertThat(grade(flaky, "grade", dir.resolve("class").toString(), "--out", grades.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("could not judge", "--resume");
    assertThat(GradescopeResults.read(grades.resolve("fred/results.json")).kitErrors()).isPositive();
    // udp: a first server spec alone, the rest, then the errors once more (erin: 2 runs, fred: 3)
    assertThat(calls[0]).isEqualTo(5);

    calls[0] = 0;
    assertThat(grade(runner, "grade", dir.resolve("class").toString(), "--out", grades.toString(), "--resume"))
        .isZero();
    assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.target()).contains("fred"));
    assertThat(err.toString()).contains("1 already finished");
  }

  @Test
  void aServerThatNeverListensIsRunOnceAndItsOtherServerSpecsShareTheDiagnosis() throws Exception {
    student("gus", "srv_tcp.py");
    Path grades = dir.resolve("grades");
    String never = "Expecting the program to listen on TCP port 12800 within 15000 ms, but it is still running "
        + "and never did. It printed nothing.";
    List<List<String>> plans = new ArrayList<>();
    SpecRunner silent = (request, listener) -> {
      plans.add(request.plan().stream().map(SpecInfo::id).toList());
      List<SpecResult> results = request.plan().stream().map(spec -> spec.id().endsWith("without-server")
          ? SpecResult.of(spec, Status.PASSED, "", Map.of(), 1)
          : SpecResult.of(spec, Status.FAILED, never, new Cause.NeverListened(Protocol.TCP, 12800, 15_000), Map.of(),
              15_000)).toList();
      return new RunReport("test", request.kind().id(), request.target(), false, results, 2);
    };

    assertThat(grade(silent, "grade", dir.resolve("class").toString(), "--out", grades.toString())).isZero();

    assertThat(plans).containsExactly(List.of("tcp.ack"), List.of("tcp.refused-without-server"));
    GradescopeResults.Cell end = GradescopeResults.read(grades.resolve("gus/results.json")).cells()
        .get("srv_tcp.py: tcp.end");
    assertThat(end.verdict()).isEqualTo(Verdict.TIMED_OUT);
    assertThat(end.output()).contains("Not run again: in tcp.ack the program never listened");
  }

  private static Schema schema() {
    try (InputStream in = GradeCommandTest.class.getResourceAsStream("gradescope-results.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
