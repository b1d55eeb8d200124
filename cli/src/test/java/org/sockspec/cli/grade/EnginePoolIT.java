package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class graded over a pool of three real engines (the machine's own and two more beside it,
 * started by benchmarks/engines.sh), in the packaged jar: it gets exactly the verdicts of a single-engine
 * run; then again with one engine's daemon killed with SIGKILL while it has a student in flight: it
 * completes with the same verdicts, the progress says which engine was lost and when, the student is
 * graded again elsewhere, and when the engine answers again the containers the run left there are
 * removed.
 *
 * <p>The class is benchmarks/make-class.sh's (correct, defective and hostile students: a fork bomb, a
 * busy loop, a memory balloon, an output flood, a disk filler), on three of the lab's programs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnginePoolIT {
  private static final Path JAR = Path.of(System.getProperty("sockspec.jar", "target/sockspec.jar"));
  private static final Path ENGINES_SCRIPT = Path.of("../benchmarks/engines.sh").toAbsolutePath().normalize();
  private static final String LAB = """
      title = "Part 1 and 2, three programs"
      [programs]
      "srv_tcp.py" = "tcp"
      "srv_udp.py" = "udp"
      "client_tcp.py" = "client-tcp"
      """;
  /** Large enough that the queue still holds students when the third engine finishes its first. */
  private static final int STUDENTS = 9;
  /** The two engines benchmarks/engines.sh starts: engines 2 and 3 of the pool. */
  private static final List<String> EXTRA = List.of("unix:///run/sockspec-engine-1.sock",
      "unix:///run/sockspec-engine-2.sock");

  @TempDir
  static Path dir;
  private static Path students;
  private static Path lab;
  private static Path engines;
  private static Map<String, String> singleEngine;

  @BeforeAll
  static void startTheEnginesAndGradeTheClassOnOne() throws Exception {
    assumeThat(new com.sun.security.auth.module.UnixSystem().getUid()).as("extra engines are started as root")
        .isZero();
    Process started = new ProcessBuilder(ENGINES_SCRIPT.toString(), "start", "2").redirectErrorStream(true)
        .redirectOutput(dir.resolve("engines.log").toFile()).start();
    assertThat(started.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(started.exitValue()).as(read(dir.resolve("engines.log"))).isZero();
    students = dir.resolve("class");
    Process made = new ProcessBuilder(Path.of("../benchmarks/make-class.sh").toAbsolutePath().toString(),
        students.toString(), Integer.toString(STUDENTS)).redirectErrorStream(true).start();
    assertThat(made.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(made.exitValue()).isZero();
    lab = Files.writeString(dir.resolve("lab.toml"), LAB);
    engines = Files.writeString(dir.resolve("engines.txt"), "# the machine's own engine and two beside it\n"
        + "unix:///var/run/docker.sock jobs=1\n" + String.join(" jobs=1\n", EXTRA) + " jobs=1\n");

    Process single = grader(dir.resolve("single"), "single.log", "--jobs", "2");
    assertThat(single.waitFor(10, TimeUnit.MINUTES)).as(read(dir.resolve("single.log"))).isTrue();
    assertThat(single.exitValue()).as(read(dir.resolve("single.log"))).isZero();
    singleEngine = verdicts(dir.resolve("single"));
    assertThat(singleEngine).hasSizeGreaterThan(STUDENTS * 10);
  }

  @AfterAll
  static void stopTheEngines() throws Exception {
    Process stopped = new ProcessBuilder(ENGINES_SCRIPT.toString(), "stop").redirectErrorStream(true).start();
    stopped.getInputStream().transferTo(System.out);
    stopped.waitFor(2, TimeUnit.MINUTES);
  }

  @Test
  @Order(1)
  void aClassGradedOverThreeEnginesGetsExactlyTheVerdictsOfOne() throws Exception {
    // An engine without the kit's images gets the runtime image copied from one that has it, through the API.
    for (String image : docker(EXTRA.get(0), "images", "-q", "--filter", "reference=sockspec-*").lines()
        .distinct().toList()) {
      docker(EXTRA.get(0), "rmi", "-f", image);
    }
    assertThat(docker(EXTRA.get(0), "images", "-q", "--filter", "reference=sockspec-*")).isBlank();
    Path out = dir.resolve("pool");

    Process pool = grader(out, "pool.log", "--engines", engines.toString());

    assertThat(pool.waitFor(10, TimeUnit.MINUTES)).as(read(dir.resolve("pool.log"))).isTrue();
    String log = read(dir.resolve("pool.log"));
    assertThat(pool.exitValue()).as(log).isZero();
    assertThat(log).contains("engine 2 (" + EXTRA.get(0) + ") ready: runtime image copied from");
    for (int engine = 1; engine <= 3; engine++) {
      assertThat(log).as("engine " + engine + " grades").contains(" on engine " + engine);
      assertThat(log).containsPattern("engine " + engine + " \\(unix:[^)]*\\): \\d+ student\\(s\\), [0-9.]+ per minute; "
          + "limits evidence: the kernel's counters");
    }
    assertThat(verdicts(out)).isEqualTo(singleEngine);
  }

  @Test
  @Order(2)
  void anEngineKilledWithStudentsInFlightCostsNoStudentAndChangesNoVerdict() throws Exception {
    Path out = dir.resolve("lost");
    Path log = dir.resolve("lost.log");

    Process grader = grader(out, "lost.log", "--engines", engines.toString());
    // Engine 3 has just finished a student and taken the next: the queue still holds several.
    awaitLine(grader, log, " on engine 3");
    long daemon = Long.parseLong(Files.readString(Path.of("/run/sockspec-engine-2.pid")).trim());
    ProcessHandle.of(daemon).orElseThrow().destroyForcibly(); // SIGKILL
    awaitLine(grader, log, "engine 3 (" + EXTRA.get(1) + ") lost at");
    Process restarted = new ProcessBuilder(ENGINES_SCRIPT.toString(), "start", "2").redirectErrorStream(true)
        .redirectOutput(dir.resolve("restart.log").toFile()).start();
    assertThat(restarted.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(restarted.exitValue()).as(read(dir.resolve("restart.log"))).isZero();

    assertThat(grader.waitFor(10, TimeUnit.MINUTES)).as(read(log)).isTrue();
    String text = read(log);
    assertThat(grader.exitValue()).as(text).isZero();
    assertThat(text).containsPattern("engine 3 \\(" + EXTRA.get(1) + "\\) lost at [0-9:.]+ \\([^)]+\\): its "
        + "student\\(s\\) in flight, student\\d\\d");
    assertThat(text).containsPattern("student\\d\\d is back in the queue: what [0-9.]+ s of grading on engine 3");
    assertThat(text).containsPattern("engine 3 \\(" + EXTRA.get(1) + "\\) answers again: \\d+ container\\(s\\) this "
        + "run left on it removed");
    for (int i = 1; i <= STUDENTS; i++) {
      String student = String.format("student%02d", i);
      assertThat(text.lines().filter(line -> line.matches("\\[\\d+/\\d+] " + student + ": .*"))).as(student).hasSize(1);
    }
    assertThat(verdicts(out)).isEqualTo(singleEngine);
    String session = "org.sockspec.session=" + InetAddress.getLocalHost().getHostName() + ":" + grader.pid();
    for (String engine : EXTRA) {
      assertThat(docker(engine, "ps", "-a", "-q", "--filter", "label=" + session)).as("left on " + engine).isBlank();
    }
  }

  @Test
  @Order(3)
  void anEngineReachedOverTcpWithTlsGradesAsTheLocalOneDoes() throws Exception {
    Process started = new ProcessBuilder(ENGINES_SCRIPT.toString(), "start", "1", "--tls").redirectErrorStream(false)
        .redirectError(dir.resolve("tls-engine.log").toFile()).start();
    String line = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(started.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(started.exitValue()).as(read(dir.resolve("tls-engine.log"))).isZero();
    assertThat(line).matches("tcp://127\\.0\\.0\\.1:\\d+ tls=/\\S+ jobs=1");
    // Two students of the class: a correct one, and the memory balloon (a limit, counted by the kernel).
    Path two = dir.resolve("two");
    for (String student : List.of("student04", "student05")) {
      copyFolder(students.resolve(student), two.resolve(student));
    }
    Path out = dir.resolve("tls");

    Process grader = grader(two, out, "tls.log", "--engines",
        Files.writeString(dir.resolve("tls-engines.txt"), line + "\n").toString());

    assertThat(grader.waitFor(10, TimeUnit.MINUTES)).as(read(dir.resolve("tls.log"))).isTrue();
    String log = read(dir.resolve("tls.log"));
    assertThat(grader.exitValue()).as(log).isZero();
    assertThat(log).containsPattern("engine 1 \\(tcp://127\\.0\\.0\\.1:\\d+\\) ready");
    Map<String, String> expected = new TreeMap<>(singleEngine);
    expected.keySet().removeIf(key -> !key.startsWith("student04 ") && !key.startsWith("student05 "));
    assertThat(verdicts(out)).isEqualTo(expected);
    assertThat(expected.values()).anyMatch(verdict -> verdict.startsWith("hit a limit (memory limit)"));
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  private static Process grader(Path out, String log, String... more) throws IOException {
    return grader(students, out, log, more);
  }

  private static Process grader(Path students, Path out, String log, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "grade", students.toString(), "--lab", lab.toString(), "--out", out.toString()));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
  }

  /** Waits (bounded) until the grader's log holds {@code text}; fails if it ends first. */
  private static void awaitLine(Process grader, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!read(log).contains(text)) {
      assertThat(grader.isAlive()).as("the grader ended before its log said '" + text + "':\n" + read(log)).isTrue();
      assertThat(System.nanoTime()).as("'" + text + "' within 5 minutes:\n" + read(log)).isLessThan(deadline);
      grader.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if the grader ends
    }
  }

  /** Every student's verdict, its reason and its cause's kind per (program, spec), from their results.json. */
  private static Map<String, String> verdicts(Path out) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> folders = Files.list(out)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        GradescopeResults.read(folder.resolve("results.json")).cells().forEach((name, cell) ->
            all.put(folder.getFileName() + " " + name, cell.verdictText() + ", cause " + cell.cause()));
      }
    }
    return all;
  }

  private static String docker(String host, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", host));
    command.addAll(List.of(args));
    Process docker = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(docker.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return text;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(nothing: " + e.getMessage() + ")";
    }
  }
}
