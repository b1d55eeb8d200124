package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labs that are not the handout, written as scenarios (examples/labs/chat, pinger, web), through the
 * packaged command in containers: {@code lab prove} holds for each against its reference and its
 * known-wrong programs; {@code check} and {@code grade} run a lab's scenarios beside the built-in
 * specs; a scenario file with a mistake is refused with its file, line and key, and nothing is run.
 */
class ScenarioLabsIT {
  private static final Path LABS = Path.of("../examples/labs");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> eachExampleLabIsProven() {
    return Stream.of("chat", "pinger", "web").map(lab -> DynamicTest.dynamicTest(lab, () -> {
      Path folder = LABS.resolve(lab);
      List<String> args = new ArrayList<>(List.of("lab", "prove", folder.resolve("lab.toml").toString(),
          "--reference", folder.resolve("reference").toString()));
      try (Stream<Path> wrong = Files.list(folder.resolve("wrong"))) {
        wrong.sorted().forEach(w -> args.addAll(List.of("--wrong", w.toString())));
      }
      PackagedCommand.Run run = PackagedCommand.run(dir, args.toArray(String[]::new));
      assertThat(run.status()).as(run.out() + run.err()).isZero();
      // Every scenario on every folder (12), and the built-in specs the lab does not skip on the reference.
      assertThat(run.out()).containsPattern("The matrix holds: (\\d+) of \\1 cells").doesNotContain("DIFFERS");
      assertThat(run.out().lines().filter(line -> line.matches("  \\S+/\\S+ +[a-z]+\\.\\S+ .*")).count())
          .isGreaterThanOrEqualTo(12);
    }));
  }

  @Test
  void checkRunsTheLabsScenariosBesideTheBuiltInSpecsAndTellsWhichStepFailed() throws Exception {
    PackagedCommand.Run run = PackagedCommand.run(dir, "check", "--lab", LABS.resolve("chat/lab.toml").toString(),
        LABS.resolve("chat/wrong/echoes-to-sender/chat_server.py").toString(), "--format", "json");
    assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FAILED);
    JsonNode results = JSON.readTree(run.out()).get("results");
    List<String> ids = new ArrayList<>();
    results.forEach(r -> ids.add(r.get("id").asText()));
    assertThat(ids).contains("mtcp.select.single-process", "chat.relay", "chat.not-to-sender", "chat.leaving-is-quiet");
    JsonNode notToSender = null;
    for (JsonNode r : results) {
      if (r.get("id").asText().equals("chat.not-to-sender")) {
        notToSender = r;
      }
    }
    assertThat(notToSender.get("status").asText()).isEqualTo("failed");
    assertThat(notToSender.get("cause").get("kind").asText()).isEqualTo("not-silent");
    assertThat(notToSender.get("message").asText()).startsWith("Expecting client A to get nothing")
        .contains("only for B").contains("(at step 5 of chat.not-to-sender: { client = \"A\", expect = \"nothing\"");
  }

  @Test
  void gradeGivesEachScenarioItsPoints() throws Exception {
    Path good = Files.createDirectories(dir.resolve("class/good"));
    Path echoes = Files.createDirectories(dir.resolve("class/echoes"));
    Files.copy(LABS.resolve("chat/reference/chat_server.py"), good.resolve("chat_server.py"));
    Files.copy(LABS.resolve("chat/wrong/echoes-to-sender/chat_server.py"), echoes.resolve("chat_server.py"));
    PackagedCommand.Run run = PackagedCommand.run(dir, "grade", dir.resolve("class").toString(), "--lab",
        LABS.resolve("chat/lab.toml").toString(), "--out", dir.resolve("grades").toString());
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("grades/grades.csv"));
    assertThat(csv.get(0)).contains("chat_server.py: chat.relay").contains("chat_server.py: chat.not-to-sender");
    // The built-in specs of tcp-select that apply to a lab whose server answers nothing (three, 1 point
    // each by default) and the three scenarios at their own points (3 + 2 + 3).
    assertThat(csv).anySatisfy(line -> assertThat(line).isEqualTo("good,1,1,1,3,2,3,11,11,0"));
    assertThat(csv).anySatisfy(line -> assertThat(line).isEqualTo("echoes,1,1,1,0,0,0,3,11,0"));
  }

  /**
   * A hostile server floods every client without end: a step that reads while it waits (for a match,
   * for the end of the connection) stops at its bound of bytes and gives a verdict on what came, never
   * a kit error or the kit's memory.
   */
  @Test
  void aServerThatFloodsItsClientsGetsAVerdictNotTheKitsMemory() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("flood"));
    Files.writeString(folder.resolve("flood.py"), """
        import socket, threading
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("", 12800)); s.listen(8)
        def flood(c):
            chunk = b"x" * 65536
            try:
                while True:
                    c.sendall(chunk)
            except OSError:
                pass
        while True:
            c, _ = s.accept()
            threading.Thread(target=flood, args=(c,), daemon=True).start()
        """);
    Path lab = folder.resolve("lab.toml");
    Files.writeString(lab, """
        skip = ["tcp.ack", "tcp.end", "tcp.sockets", "tcp.second-client-waits", "tcp.refused-without-server",
          "tcp.backlog-overflow"]
        [protocol]
        answer = "none"
        end = "none"
        [programs]
        "flood.py" = "tcp"

        [[scenarios]]
        id = "flood.match"
        summary = "a greeting that never comes among the flood"
        kinds = ["tcp"]
        steps = [
          { connect = "A" },
          { client = "A", expect-match = "HELLO", within = "20s" },
        ]

        [[scenarios]]
        id = "flood.closed"
        summary = "the end of a connection that never ends"
        kinds = ["tcp"]
        steps = [
          { connect = "A" },
          { client = "A", expect = "closed", within = "20s" },
        ]
        """);
    long start = System.nanoTime();
    PackagedCommand.Run run = PackagedCommand.run(dir, "check", "--lab", lab.toString(),
        folder.resolve("flood.py").toString(), "--format", "json");
    assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FAILED);
    JsonNode results = JSON.readTree(run.out()).get("results");
    for (JsonNode r : results) {
      assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("failed");
    }
    assertThat(results.get(0).get("cause").get("kind").asText()).isEqualTo("wrong-answer");
    assertThat(results.get(1).get("cause").get("kind").asText()).isEqualTo("not-closed");
    java.util.regex.Matcher read = java.util.regex.Pattern.compile("\\((\\d+) bytes in all\\)")
        .matcher(results.get(0).get("message").asText());
    assertThat(read.find()).as(results.get(0).get("message").asText()).isTrue();
    assertThat(Long.parseLong(read.group(1))).isBetween(1L << 20, (1L << 20) + (64L << 10));
    assertThat(results.get(0).get("message").asText()).contains("a step reads at most 1 MB while it waits");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("the 1 MB bound, not the 20 s one, ends each")
        .isLessThan(java.time.Duration.ofSeconds(20));
  }

  @Test
  void aScenarioWithAMistakeIsRefusedWithItsFileLineAndKeyAndNothingRuns() throws Exception {
    Path lab = dir.resolve("lab.toml");
    Files.writeString(lab, """
        [programs]
        "chat_server.py" = "tcp-select"

        [[scenarios]]
        id = "chat.typo"
        summary = "a typo in a step"
        kinds = ["tcp-select"]
        steps = [
          { connect = "A" },
          { client = "A", expect-line = "x", within = "two seconds" },
        ]
        """);
    PackagedCommand.Run run = PackagedCommand.run(dir, "lab", "prove", lab.toString(), "--reference",
        LABS.resolve("chat/reference").toString());
    assertThat(run.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(run.err()).contains(lab + ":10: scenario 'chat.typo', step 2, key 'within'")
        .contains("\"500ms\"").doesNotContain("Exception");
    PackagedCommand.Run check = PackagedCommand.run(dir, "check", "--lab", lab.toString(),
        LABS.resolve("chat/reference/chat_server.py").toString());
    assertThat(check.status()).isEqualTo(ExitStatus.USAGE);
    assertThat(check.err()).contains(":10: scenario 'chat.typo'");
  }
}
