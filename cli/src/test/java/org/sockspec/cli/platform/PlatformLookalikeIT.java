package org.sockspec.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.internal.TarArchive;
import org.sockspec.bench.lookalike.Lookalike;

/**
 * The three packages, run as their platforms run them, in look-alike containers (see {@link
 * Lookalike}): unpacked where the platform unpacks them, run as root with no engine and no network;
 * a correct full-lab submission scores full marks, a defective one what it earns, a missing program
 * zero, each platform's output in its documented format.
 */
class PlatformLookalikeIT {
  private static final Path JAR = Path.of(System.getProperty("sockspec.jar", "target/sockspec.jar"));
  private static final Path HANDOUT = Path.of("../impl/src/test/resources/handout");
  private static final Path EXAMPLES = Path.of("../examples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration BOUND = Duration.ofMinutes(5);
  /** Unzips as Gradescope does, keeping each entry's Unix mode. */
  private static final String UNZIP = """
      import os, sys, zipfile
      archive = zipfile.ZipFile(sys.argv[1])
      for info in archive.infolist():
          path = archive.extract(info, sys.argv[2])
          if info.external_attr >> 16:
              os.chmod(path, (info.external_attr >> 16) & 0o7777)
      """;

  @TempDir
  static Path dir;
  static Path correct;
  static Path defective;
  static Path missing;

  @BeforeAll
  static void submissions() throws IOException {
    correct = Files.createDirectories(dir.resolve("correct"));
    defective = Files.createDirectories(dir.resolve("defective"));
    missing = Files.createDirectories(dir.resolve("missing"));
    try (var files = Files.list(HANDOUT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".py")).toList()) {
        Files.copy(file, correct.resolve(file.getFileName()));
        Files.copy(file, defective.resolve(file.getFileName()));
      }
    }
    // The handout's select server never answers; the correct student's one does.
    Files.copy(EXAMPLES.resolve("python/srv_tcp_select.py"), correct.resolve("srv_tcp_select.py"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(HANDOUT.resolve("srv_udp.py"), missing.resolve("srv_udp.py"));
  }

  @Test
  void gradescopeGradesAsTheSpecsSay() throws Exception {
    Path zip = dir.resolve("autograder.zip");
    assertThat(kit("autograder", "gradescope", "--out", zip.toString())).isZero();

    JsonNode full = gradescope(zip, correct, "correct");
    assertGradescopeFormat(full);
    assertThat(full.path("score").asDouble()).as(full.toPrettyString()).isPositive()
        .isEqualTo(full.path("extra_data").path("sockspec").path("max_score").asDouble());

    JsonNode partial = gradescope(zip, defective, "defective");
    assertGradescopeFormat(partial);
    assertThat(partial.path("score").asDouble()).isPositive().isLessThan(full.path("score").asDouble());
    // The handout's select server accepts every client and answers none.
    assertThat(verdicts(partial, "srv_tcp_select.py")).containsExactly("failed", "failed", "passed");
    // The platform runs the kit as root: the process sandbox captures, and the student sees the wire.
    JsonNode concurrent = StreamSupport.stream(partial.path("tests").spliterator(), false)
        .filter(test -> test.path("name").asText().equals("srv_tcp_select.py: mtcp.concurrent")).findFirst().orElseThrow();
    assertThat(concurrent.path("output").asText()).contains("--- ladder ---")
        .containsPattern("A:\\d+ -> server:12800 +PSH-ACK 16 bytes b'message 1 from A'")
        .contains("note: A's 16 bytes were acknowledged by the other side's kernel (ACK) and never answered");

    JsonNode one = gradescope(zip, missing, "missing");
    assertGradescopeFormat(one);
    assertThat(verdicts(one, "srv_tcp.py")).containsOnly("not-handed-in");
    for (JsonNode test : one.path("tests")) {
      if (test.path("name").asText().startsWith("srv_tcp.py")) {
        assertThat(test.path("score").asDouble()).isZero();
        assertThat(test.path("output").asText()).startsWith("NOT HANDED IN");
      }
    }
  }

  @Test
  void prairieLearnGradesAsTheSpecsSay() throws Exception {
    Path out = dir.resolve("pl");
    assertThat(kit("autograder", "prairielearn", "--out", out.toString())).isZero();
    assertThat(JSON.readTree(out.resolve("externalGradingOptions.json").toFile()).path("externalGradingOptions")
        .path("entrypoint").asText()).isEqualTo("/grade/serverFilesCourse/sockspec/run_grader");

    JsonNode full = prairieLearn(out, correct);
    assertPrairieLearnFormat(full);
    assertThat(full.path("gradable").asBoolean()).isTrue();
    assertThat(full.path("score").asDouble()).as(full.path("message").asText()).isEqualTo(1.0);

    JsonNode partial = prairieLearn(out, defective);
    assertPrairieLearnFormat(partial);
    assertThat(partial.path("score").asDouble()).isStrictlyBetween(0.0, 1.0);

    JsonNode one = prairieLearn(out, missing);
    assertPrairieLearnFormat(one);
    assertThat(one.path("score").asDouble()).isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void autolabPrintsItsScoresLastOnePerProgram() throws Exception {
    Path out = dir.resolve("autolab");
    assertThat(kit("autograder", "autolab", "--out", out.toString())).isZero();

    Lookalike.Run run = autolab(out, correct);
    String[] lines = run.output().strip().split("\n");
    JsonNode scores = JSON.readTree(lines[lines.length - 1]);
    assertThat(scores.fieldNames()).toIterable().containsExactly("scores");
    assertThat(scores.path("scores").fieldNames()).toIterable().containsExactly("srv_tcp", "srv_udp", "srv_tcp_fork",
        "srv_tcp_select", "client_tcp", "client_udp");
    double total = 0;
    for (JsonNode points : scores.path("scores")) {
      assertThat(points.isNumber()).isTrue();
      total += points.asDouble();
    }
    assertThat(run.output()).contains("sockspec: " + Math.round(total) + " of " + Math.round(total) + " points.");

    Lookalike.Run none = autolab(out, missing);
    String[] noneLines = none.output().strip().split("\n");
    assertThat(JSON.readTree(noneLines[noneLines.length - 1]).path("scores").path("srv_tcp").asDouble()).isZero();
  }

  static JsonNode gradescope(Path zip, Path submission, String name) throws Exception {
    return gradescope(zip, submission, name, "", run -> { });
  }

  /**
   * Runs the Gradescope package on {@code submission}; {@code after} runs in the look-alike once
   * run_autograder is done, and {@code look} sees the whole run (its output, the files it left).
   */
  static JsonNode gradescope(Path zip, Path submission, String name, String after, LookAt look) throws Exception {
    try (Lookalike box = new Lookalike()) {
      box.file("/tmp/autograder.zip", Files.readAllBytes(zip), false).file("/tmp/unzip.py", UNZIP.getBytes(), false)
          .folder("/autograder/submission", submission);
      Lookalike.Run run = box.run("""
          set -e
          mkdir -p /autograder/source /autograder/results
          python3 /tmp/unzip.py /tmp/autograder.zip /autograder/source
          cd /autograder/source && bash ./setup.sh
          cp /autograder/source/run_autograder /autograder/run_autograder
          cd /autograder && /autograder/run_autograder
          """ + after, BOUND);
      System.out.println("gradescope look-alike, " + name + ": " + run.ms() + " ms\n" + run.output());
      assertThat(run.status()).as(run.output()).isZero();
      byte[] results = box.read("/autograder/results/results.json");
      assertThat(results).as("results.json; output:\n%s", run.output()).isNotNull();
      look.at(new Looked(run, box));
      return JSON.readTree(results);
    }
  }

  /** A finished look-alike run: what it printed, and the box to read its files from. */
  record Looked(Lookalike.Run run, Lookalike box) {}

  /** Looks at a finished run before its box is removed. */
  interface LookAt {
    void at(Looked looked) throws Exception;
  }

  static JsonNode prairieLearn(Path out, Path submission) throws Exception {
    try (Lookalike box = new Lookalike()) {
      box.folder("/grade/serverFilesCourse/sockspec", out.resolve("serverFilesCourse/sockspec"))
          .folder("/grade/student", submission);
      Lookalike.Run run = box.run("mkdir -p /grade/results /grade/tests /grade/data && "
          + "/grade/serverFilesCourse/sockspec/run_grader", BOUND);
      System.out.println("prairielearn look-alike: " + run.ms() + " ms\n" + run.output());
      assertThat(run.status()).as(run.output()).isZero();
      return JSON.readTree(box.read("/grade/results/results.json"));
    }
  }

  static Lookalike.Run autolab(Path out, Path submission) throws Exception {
    try (Lookalike box = new Lookalike()) {
      // Autolab's images have make, as the runtime image has (it builds students' C programs).
      box.file("/autolab/Makefile", Files.readAllBytes(out.resolve("autograde-Makefile")), false)
          .file("/autolab/autograde.tar", Files.readAllBytes(out.resolve("autograde.tar")), false)
          .file("/autolab/handin.tar", tar(submission), false);
      Lookalike.Run run = box.run("cd /autolab && make", BOUND);
      System.out.println("autolab look-alike: " + run.ms() + " ms\n" + run.output());
      assertThat(run.status()).as(run.output()).isZero();
      return run;
    }
  }

  /** Every field as Gradescope's specification names it, with the types it gives. */
  static void assertGradescopeFormat(JsonNode results) {
    assertThat(results.path("score").isNumber()).isTrue();
    assertThat(results.path("execution_time").isNumber()).isTrue();
    assertThat(results.path("output").isTextual()).isTrue();
    assertThat(results.path("visibility").asText()).isIn("hidden", "after_due_date", "after_published", "visible");
    assertThat(results.path("stdout_visibility").asText()).isIn("hidden", "after_due_date", "after_published", "visible");
    assertThat(results.path("tests").isArray()).isTrue();
    assertThat(results.path("tests").size()).isPositive();
    Set<String> allowed = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
        "output_format", "tags", "visibility", "extra_data");
    for (JsonNode test : results.path("tests")) {
      assertThat(test.fieldNames()).toIterable().isSubsetOf(allowed);
      assertThat(test.path("name").isTextual()).isTrue();
      assertThat(test.path("score").isNumber()).isTrue();
      assertThat(test.path("max_score").isNumber()).isTrue();
      assertThat(test.path("status").asText()).isIn("passed", "failed");
      assertThat(test.path("visibility").asText()).isIn("hidden", "after_due_date", "after_published", "visible");
      assertThat(test.path("output").isTextual()).isTrue();
    }
  }

  /** Every field as PrairieLearn's external grading results name them, with the types it gives. */
  static void assertPrairieLearnFormat(JsonNode results) {
    assertThat(results.path("gradable").isBoolean()).isTrue();
    assertThat(results.path("score").isNumber()).isTrue();
    assertThat(results.path("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(results.path("message").isTextual()).isTrue();
    assertThat(results.path("output").isTextual()).isTrue();
    for (JsonNode test : results.path("tests")) {
      assertThat(test.fieldNames()).toIterable().isSubsetOf("name", "description", "points", "max_points", "message",
          "output");
      assertThat(test.path("name").isTextual()).isTrue();
      assertThat(test.path("points").isNumber()).isTrue();
      assertThat(test.path("max_points").isNumber()).isTrue();
    }
  }

  static List<String> verdicts(JsonNode results, String program) {
    List<String> found = new ArrayList<>();
    for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      if (cell.path("program").asText().equals(program)) {
        found.add(cell.path("verdict").asText());
      }
    }
    return found;
  }

  static int kit(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }

  static byte[] tar(Path folder) throws IOException {
    TarArchive archive = new TarArchive();
    try (var files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        archive.add(file.getFileName().toString(), Files.readAllBytes(file), false);
      }
    }
    return archive.bytes();
  }
}
