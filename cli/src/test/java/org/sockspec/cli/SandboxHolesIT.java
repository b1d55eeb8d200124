package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two holes a hostile student found, shown closed with the packaged command: a symbolic link in
 * a submission never carries a file of the grader's machine into the sandbox (check and grade), and
 * a program that kills everything it can see cannot turn its specs into kit errors.
 */
class SandboxHolesIT {
  private static final Path HOSTILE = Path.of("../examples/hostile");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the grader's machine holds beside the submissions, that no student may read. */
  private static final String SECRET = "grader-only: the hidden specs' answers";

  /**
   * Prints every file under /lab (the student's folder in the sandbox), then exits without
   * listening: its specs fail, and their evidence shows what it printed.
   */
  private static final String PRINTS_LAB_AND_EXITS = """
      import os, sys
      for folder, _, files in os.walk("/lab"):
          for name in sorted(files):
              with open(os.path.join(folder, name), "rb") as f:
                  print("== %s ==" % os.path.join(folder, name), f.read().decode("utf-8", "replace"), flush=True)
      sys.exit(1)
      """;

  @TempDir
  Path dir;
  Path secret;


  @BeforeEach
  void aSecretBesideTheSubmissions() throws IOException {
    secret = Files.writeString(dir.resolve("grader-secret.txt"), SECRET + "\n");
  }

  @Test
  void aLinkBesideTheProgramIsLeftOutAndItsTargetNeverReachesTheReport() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("alice"));
    Path program = Files.writeString(folder.resolve("srv_tcp.py"), PRINTS_LAB_AND_EXITS);
    Files.writeString(folder.resolve("data.txt"), "alice's own data\n");
    Files.createSymbolicLink(folder.resolve("alias.txt"), Path.of("data.txt"));
    Files.createSymbolicLink(folder.resolve("notes.txt"), secret);
    Files.createSymbolicLink(folder.resolve("up"), Path.of(".."));

    PackagedCommand.Run run = sockspec("check", program.toString(), "--as", "tcp", "--only", "tcp.ack", "--format", "json", "-q");

    assertThat(run.status()).as("exit status; standard error:\n%s", run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.path("leftOut")).extracting(n -> n.path("path").asText() + " " + n.path("reason").asText())
        .containsExactlyInAnyOrder("notes.txt link-outside", "up link-outside");
    String output = report.path("results").get(0).path("evidence").path("output").asText();
    assertThat(output).as("the program printed the files it found under /lab")
        .contains("== /lab/alias.txt == alice's own data").contains("== /lab/srv_tcp.py ==")
        .doesNotContain("/lab/notes.txt");
    assertThat(run.out() + run.err()).doesNotContain(SECRET);

    PackagedCommand.Run text = sockspec("check", program.toString(), "--as", "tcp", "--only", "tcp.ack");
    assertThat(text.out()).contains("note: not copied into the sandbox: notes.txt: a link to a file outside the "
        + "submission (" + secret + ")").doesNotContain(SECRET);
  }

  @Test
  void aProgramThatIsALinkOutOfItsFolderIsBadInput() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("bob"));
    Path program = Files.createSymbolicLink(folder.resolve("srv_tcp.py"), secret);

    PackagedCommand.Run run = sockspec("check", program.toString(), "--as", "tcp");

    assertThat(run.status()).as("exit status; standard error:\n%s", run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("is a link to a file outside the submission").contains("never follows a link")
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(SECRET);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void gradingNeverReadsALinkOutOfAStudentsFolderAndRejectsAProgramThatIsOne() throws Exception {
    Path submissions = dir.resolve("class");
    Path alice = Files.createDirectories(submissions.resolve("alice"));
    Files.writeString(alice.resolve("srv_tcp.py"), PRINTS_LAB_AND_EXITS);
    Files.createSymbolicLink(alice.resolve("notes.txt"), secret);
    Path bob = Files.createDirectories(submissions.resolve("bob"));
    Files.createSymbolicLink(bob.resolve("srv_udp.py"), secret);
    Path lab = Files.writeString(dir.resolve("lab.toml"),
        "title = \"links\"\n[programs]\n\"srv_tcp.py\" = \"tcp\"\n\"srv_udp.py\" = \"udp\"\n");
    Path out = dir.resolve("grades");

    PackagedCommand.Run run = sockspec("grade", submissions.toString(), "--lab", lab.toString(), "--out", out.toString(), "--jobs", "2");

    assertThat(run.status()).as("exit status; output:\n%s\n%s", run.out(), run.err()).isZero();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
      }
    }
    String bobReport = Files.readString(out.resolve("bob/report.md"));
    assertThat(bobReport).contains("## `srv_udp.py`: rejected")
        .contains("srv_udp.py is a link to a file outside the submission");
    JsonNode bobResults = JSON.readTree(out.resolve("bob/results.json").toFile());
    for (JsonNode cell : bobResults.path("extra_data").path("sockspec").path("tests")) {
      String expected = cell.path("program").asText().equals("srv_udp.py") ? "rejected" : "not-handed-in";
      assertThat(cell.path("verdict").asText()).as(cell.path("name").asText()).isEqualTo(expected);
    }
    assertThat(bobResults.path("score").asDouble()).isZero();
    assertThat(Files.readString(out.resolve("alice/report.md")))
        .contains("- `notes.txt`: a link to a file outside the submission");
  }

  @Test
  void aServerThatKillsEverythingItSeesIsJudgedAsTheCorrectServerItIs() throws Exception {
    PackagedCommand.Run run = sockspec("check", HOSTILE.resolve("kills_everything.py").toString(), "--as", "tcp", "--format", "json",
        "-q");

    assertThat(run.status()).as("exit status; standard error:\n%s", run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.path("summary").path("error").asInt()).as("kit errors").isZero();
    for (JsonNode result : report.path("results")) {
      assertThat(result.path("status").asText()).as(result.path("id").asText() + ": " + result.path("message"))
          .isEqualTo("passed");
    }
  }

  private PackagedCommand.Run sockspec(String... args) throws Exception {
    return PackagedCommand.run(dir, args);
  }
}
