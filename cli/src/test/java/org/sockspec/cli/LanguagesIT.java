package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs in the languages socket labs are taught in, built by the kit and checked through the
 * packaged command as their users run it, in containers: the handout's six programs in C get the
 * verdicts the Python ones get, its planted defects in C fail for the same causes, a server each in
 * Go, Java source, C++ and Node passes, {@code identify} tells C's fork, select and pthread servers
 * apart, a build that fails or warns is told once, and a C class is graded with its builds done once.
 */
class LanguagesIT {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Each program's path, kind and options, and the MUST and SHOULD specs it must not pass (id to cause kind). */
  private record Program(String path, String kind, List<String> options, Map<String, String> notPassing) {
    Program(String path, String kind) {
      this(path, kind, List.of(), Map.of());
    }
  }

  private static final List<Program> PROGRAMS = List.of(
      new Program("c/srv_tcp.c", "tcp"),
      new Program("c/srv_udp.c", "udp"),
      new Program("c/srv_tcp_fork.c", "tcp-fork"),
      new Program("c/srv_tcp_select.c", "tcp-select"),
      new Program("c/srv_tcp_threads.c", "tcp-threads"),
      new Program("c/client_tcp.c", "client-tcp"),
      new Program("c/client_udp.c", "client-udp"),
      new Program("c/defective/srv_tcp_fork.c", "tcp-fork", List.of(), Map.of("mtcp.fork.no-zombies", "process-model")),
      new Program("c/defective/srv_tcp_select.c", "tcp-select", List.of(),
          Map.of("mtcp.concurrent", "no-answer", "mtcp.end-closes-one", "no-answer")),
      new Program("go/srv_tcp.go", "tcp"),
      new Program("go-module", "tcp-select", List.of("--answer", "echo", "--end", "none"), Map.of()),
      new Program("java-source/SrvTcpThreads.java", "tcp-threads"),
      new Program("cpp/srv_udp.cpp", "udp"),
      new Program("node/srv_tcp_select.js", "tcp-select"),
      new Program("make-server", "tcp", List.of("--cmd", "./server"), Map.of()),
      new Program("builds/srv_tcp_warns.c", "tcp"));

  @TestFactory
  Stream<DynamicTest> programsInEveryLanguageGetTheirVerdicts() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Program program : PROGRAMS) {
      tests.add(DynamicTest.dynamicTest(program.path() + " as " + program.kind(), () -> {
        JsonNode report = check(program.path(), program.kind(), program.options());
        assertThat(report.path("build").path("built").asBoolean()).as("%s was built: %s", program.path(),
            report.path("build")).isEqualTo(!program.path().endsWith(".js"));
        assertThat(notPassing(report)).as("%s: the MUST and SHOULD specs that did not pass, with their causes",
            program.path()).isEqualTo(program.notPassing());
      }));
    }
    return tests.stream();
  }

  /** The handout's programs in C and in Python: the same verdict, spec by spec, INFO observations too. */
  @TestFactory
  Stream<DynamicTest> cProgramsGetThePythonProgramsVerdicts() {
    return Stream.of("srv_tcp", "srv_udp", "srv_tcp_select").map(name -> DynamicTest.dynamicTest(name, () -> {
      String kind = name.equals("srv_tcp") ? "tcp" : name.equals("srv_udp") ? "udp" : "tcp-select";
      assertThat(statuses(check("c/" + name + ".c", kind, List.of())))
          .isEqualTo(statuses(check("python/" + name + ".py", kind, List.of())));
    }));
  }

  @Test
  void identifyTellsCsServerModelsApart() throws Exception {
    for (String[] server : new String[][] {{"c/srv_tcp_fork.c", "tcp-fork"}, {"c/srv_tcp_select.c", "tcp-select"},
        {"c/srv_tcp_threads.c", "tcp-threads"}, {"c/srv_tcp.c", "tcp"}}) {
      PackagedCommand.Run run = PackagedCommand.run(dir, "identify", EXAMPLES.resolve(server[0]).toString(),
          "--format", "json", "-q");
      assertThat(JSON.readTree(run.out()).path("kind").asText()).as("identify %s:\n%s", server[0], run.err())
          .isEqualTo(server[1]);
    }
  }

  @Test
  void aBuildThatFailsIsToldOnceAndFailsEverySpec() throws Exception {
    Path program = EXAMPLES.resolve("builds/syntax_error.c");
    PackagedCommand.Run text = PackagedCommand.run(dir, "check", program.toString(), "--as", "tcp");
    assertThat(text.status()).as(text.out() + text.err()).isEqualTo(1);
    assertThat(text.out()).contains("build: cc -O2 -Wall -o syntax_error syntax_error.c: does not build: it exited with status 1")
        .contains("syntax_error.c:7:5: error:").contains("The program does not build");
    assertThat(text.out().split("error: expected", -1)).as("the compiler's error, once:\n%s", text.out()).hasSize(3);
    JsonNode report = check("builds/syntax_error.c", "tcp", List.of());
    assertThat(report.path("build").path("status").asInt()).isEqualTo(1);
    for (JsonNode result : report.path("results")) {
      assertThat(result.path("status").asText()).isEqualTo("failed");
      assertThat(result.path("cause").path("kind").asText()).isEqualTo("build-failed");
      assertThat(result.path("cause").path("errors").get(0).asText()).startsWith("syntax_error.c:7:5: error:");
    }
  }

  @Test
  void aBuildThatWarnsHasBuiltAndShowsItsWarnings() throws Exception {
    PackagedCommand.Run text = PackagedCommand.run(dir, "check", EXAMPLES.resolve("builds/srv_tcp_warns.c").toString(),
        "--as", "tcp");
    assertThat(text.status()).as(text.out() + text.err()).isZero();
    assertThat(text.out()).contains("1 warning:").contains("warning: unused variable");
  }

  /**
   * A class of C submissions, graded: every program built once, full marks for the reference C
   * programs; graded again, nothing is built again (the build cache is read, not written).
   */
  @Test
  void aCClassIsGradedAndRegradedWithoutBuildingAgain() throws Exception {
    Path student = Files.createDirectories(dir.resolve("class/student01"));
    for (String file : List.of("srv_tcp.c", "srv_udp.c", "srv_tcp_fork.c", "srv_tcp_select.c", "client_tcp.c",
        "client_udp.c")) {
      Files.copy(EXAMPLES.resolve("c").resolve(file), student.resolve(file));
    }
    Path cache = dir.resolve("cache");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
    PackagedCommand.Run first = PackagedCommand.run(dir, env, "grade", dir.resolve("class").toString(), "--lab",
        EXAMPLES.resolve("c/lab.toml").toString(), "--out", dir.resolve("grades1").toString());
    assertThat(first.status()).as(first.out() + first.err()).isZero();
    String csv = Files.readString(dir.resolve("grades1/grades.csv"));
    assertThat(csv.lines().skip(1).findFirst().orElseThrow().strip()).endsWith(",36,36,0");
    Path builds = cache.resolve("sockspec/builds");
    List<Path> kept;
    try (Stream<Path> entries = Files.list(builds)) {
      kept = entries.sorted().toList();
    }
    assertThat(kept).as("one build per program").hasSize(6);
    Map<Path, java.nio.file.attribute.FileTime> written = new TreeMap<>();
    for (Path entry : kept) {
      written.put(entry, Files.getLastModifiedTime(entry.resolve("result")));
    }
    PackagedCommand.Run again = PackagedCommand.run(dir, env, "grade", dir.resolve("class").toString(), "--lab",
        EXAMPLES.resolve("c/lab.toml").toString(), "--out", dir.resolve("grades2").toString());
    assertThat(again.status()).as(again.out() + again.err()).isZero();
    assertThat(Files.readString(dir.resolve("grades2/grades.csv"))).isEqualTo(csv);
    try (Stream<Path> entries = Files.list(builds)) {
      assertThat(entries.sorted().toList()).isEqualTo(kept);
    }
    for (Path entry : kept) {
      assertThat(Files.getLastModifiedTime(entry.resolve("result"))).isEqualTo(written.get(entry));
    }
  }

  /**
   * A hostile Makefile's builds, graded in containers: each is stopped at its limit or bound and
   * charged to its program (never a kit error); the one that builds despite trying to write outside
   * its folder and leaving a process behind passes, with nothing it planted seen by the next program,
   * and links it left in its folder are left out. (The build that loops to its 120 s bound is tried
   * in the platform look-alike, HostileLookalikeIT.)
   */
  @Test
  void hostileBuildsAreStoppedAndChargedToTheirPrograms() throws Exception {
    Path student = Files.createDirectories(dir.resolve("hostile/student01"));
    Path folder = EXAMPLES.resolve("hostile/builds");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, student.resolve(file.getFileName()));
      }
    }
    Path manifest = dir.resolve("lab.toml");
    Files.writeString(manifest, Files.readString(folder.resolve("lab.toml")).lines()
        .filter(line -> !line.startsWith("\"loops.c\"")).collect(java.util.stream.Collectors.joining("\n")));
    PackagedCommand.Run run = PackagedCommand.run(dir, Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
        "grade", dir.resolve("hostile").toString(), "--lab", manifest.toString(), "--out", dir.resolve("grades").toString());
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    JsonNode results = JSON.readTree(dir.resolve("grades/student01/results.json").toFile());
    Map<String, String> seen = new TreeMap<>();
    for (JsonNode test : results.path("tests")) {
      String name = test.path("name").asText();
      String program = name.substring(0, name.indexOf(':'));
      String output = test.path("output").asText();
      seen.merge(program, output.lines().findFirst().orElse(""), (a, b) -> a.equals(b) ? a : a + " | " + b);
    }
    assertThat(seen).containsEntry("srv_tcp.c", "PASSED").containsEntry("plants_links.c", "PASSED")
        .containsEntry("kills_all.c", "FAILED (DOES NOT BUILD (STATUS 137))")
        .containsEntry("floods_output.c", "FAILED (DOES NOT BUILD (STOPPED BY ITS OUTPUT BOUND (16 MB)))");
    assertThat(seen.get("fork_bomb.c")).startsWith("FAILED (DOES NOT BUILD (STOPPED BY THE PROCESS LIMIT");
    assertThat(seen.get("fills_disk.c")).startsWith("FAILED (DOES NOT BUILD (STOPPED BY THE DISK LIMIT");
    assertThat(seen.get("eats_memory.c")).startsWith("FAILED (DOES NOT BUILD (STOPPED BY THE MEMORY LIMIT");
    assertThat(Files.readString(dir.resolve("grades/grades.csv")).strip()).as("no kit error").endsWith(",0");
    JsonNode planted = check("hostile/builds/plants_links.c", "tcp", List.of("--build", "make plants_links",
        "--only", "tcp.ack"));
    assertThat(planted.path("build").path("log").asText())
        .contains("left out of the built folder (only regular files are kept): a link: passwd")
        .contains("left out of the built folder (only regular files are kept): a link: root");
    assertThat(planted.path("results").get(0).path("status").asText()).isEqualTo("passed");
  }

  /** A compiled program's memory and processes are counted as a Python one's: its limit stops it. */
  @Test
  void aCompiledProgramMeetsTheSameLimits() throws Exception {
    for (String[] hostile : new String[][] {{"balloon.c", "memory"}, {"fork_bomb.c", "process"}}) {
      JsonNode report = check("hostile/c/" + hostile[0], "tcp", List.of("--only", "tcp.ack"));
      JsonNode cause = report.path("results").get(0).path("cause");
      assertThat(cause.path("kind").asText()).as("%s: %s", hostile[0], cause).isEqualTo("limit");
      assertThat(cause.path("limit").asText().toLowerCase(java.util.Locale.ROOT)).as("%s: %s", hostile[0], cause)
          .startsWith(hostile[1]);
    }
  }

  private JsonNode check(String program, String kind, List<String> options) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", EXAMPLES.resolve(program).toString(), "--as", kind,
        "--format", "json", "-q"));
    args.addAll(options);
    // A build cache of the test's own: what is built and shown does not depend on earlier runs.
    PackagedCommand.Run run = PackagedCommand.run(dir, Map.of("XDG_CACHE_HOME", dir.resolve("check-cache").toString()),
        args.toArray(String[]::new));
    assertThat(run.out()).as("check %s: %s", program, run.err()).isNotBlank();
    return JSON.readTree(run.out());
  }

  /** Spec id to cause kind, for the MUST and SHOULD specs that did not pass. */
  private static Map<String, String> notPassing(JsonNode report) {
    Map<String, String> seen = new TreeMap<>();
    for (JsonNode result : report.path("results")) {
      if (!result.path("level").asText().equals("INFO") && !result.path("status").asText().equals("passed")) {
        seen.put(result.path("id").asText(), result.path("status").asText().equals("failed")
            ? result.path("cause").path("kind").asText() : result.path("status").asText() + ": " + result.path("message"));
      }
    }
    return seen;
  }

  /** Spec id to status, every spec. */
  private static Map<String, String> statuses(JsonNode report) {
    Map<String, String> seen = new TreeMap<>();
    report.path("results").forEach(result -> seen.put(result.path("id").asText(), result.path("status").asText()));
    return seen;
  }
}
