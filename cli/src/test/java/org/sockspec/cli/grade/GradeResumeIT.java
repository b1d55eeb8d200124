package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader killed with -9 mid-class, then started again with --resume: the dead run's containers
 * are swept when the new one first reaches the engine, finished students are not graded again, the
 * rest are, and nothing of either run is left running. The packaged jar, in child JVMs.
 */
class GradeResumeIT {
  private static final Path JAR = Path.of(System.getProperty("sockspec.jar", "target/sockspec.jar"));
  private static final Path UDP_SERVER = Path.of("../impl/src/test/resources/handout/srv_udp.py");

  @TempDir
  Path dir;

  @Test
  void aGraderKilledMidClassLeavesNothingRunningAndResumeGradesOnlyTheRest() throws Exception {
    Path submissions = dir.resolve("class");
    for (String student : List.of("s1", "s2", "s3")) {
      Files.createDirectories(submissions.resolve(student));
      Files.copy(UDP_SERVER, submissions.resolve(student).resolve("srv_udp.py"));
    }
    Path lab = dir.resolve("lab.toml");
    Files.writeString(lab, "title = \"UDP only\"\n[programs]\n\"srv_udp.py\" = \"udp\"\n");
    Path out = dir.resolve("grades");

    Process first = grader(submissions, lab, out, "first.log");
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!Files.exists(out.resolve("s1").resolve("results.json")) && first.isAlive()
        && System.nanoTime() < deadline) {
      first.waitFor(200, TimeUnit.MILLISECONDS); // bounded: returns early if the grader dies
    }
    assertThat(out.resolve("s1").resolve("results.json")).isRegularFile();
    first.destroyForcibly(); // SIGKILL: no shutdown hook runs, its current containers stay behind
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String deadSession = "org.sockspec.session=" + java.net.InetAddress.getLocalHost().getHostName() + ":" + first.pid();
    // Usually s2's bench at the moment of the kill; the restart's sweep must remove whatever is there.
    System.out.println("containers left by the killed grader: " + containers(deadSession).size());

    Process second = grader(submissions, lab, out, "second.log", "--resume");
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).as(log("second.log")).isTrue();

    assertThat(second.exitValue()).as(log("second.log")).isZero();
    assertThat(log("second.log")).contains("already finished, skipped with --resume")
        .doesNotContain("] s1:"); // s1 was finished before the kill: not graded again
    for (String student : List.of("s1", "s2", "s3")) {
      assertThat(out.resolve(student).resolve("results.json")).isRegularFile();
    }
    assertThat(Files.readString(out.resolve("grades.csv")).split("\r\n")).hasSize(4);
    assertThat(containers(deadSession)).as("containers of the killed grader").isEmpty();
    assertThat(containers("org.sockspec.session=" + java.net.InetAddress.getLocalHost().getHostName() + ":"
        + second.pid())).as("containers of the finished grader").isEmpty();
  }

  private Process grader(Path submissions, Path lab, Path out, String log, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "grade", submissions.toString(),
        "--lab", lab.toString(), "--out", out.toString(), "--jobs", "1"));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile());
    return builder.start();
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static List<String> containers(String label) throws Exception {
    Process docker = new ProcessBuilder("docker", "ps", "-a", "-q", "--filter", "label=" + label)
        .redirectErrorStream(true).start();
    String text = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(docker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return text.lines().filter(line -> !line.isBlank()).toList();
  }
}
