package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command end to end, as a grader calls it: {@code java -jar sockspec.jar check ...}
 * on a student's Python server, in containers. Needs a container engine and the runtime image
 * (Failsafe's pre-integration-test step makes sure of both).
 */
class CliIT {
  /** The handout's srv_tcp.py: one client, b"Message received" per message, until b"end". */
  private static final String SRV_TCP = """
      import socket
      s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
      s.bind(('', 12800))
      s.listen(1)
      print("The server now listens on the port 12800", flush=True)
      conn, remote_addr = s.accept()
      received_msg = b""
      while received_msg != b"end":
          received_msg = conn.recv(1024)
          if not received_msg:
              break
          conn.send(b"ANSWER")
          print("Received {0} from client socket {1}".format(received_msg, remote_addr), flush=True)
      conn.close()
      s.close()
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aCorrectServerPassesWithExitZero() throws Exception {
    Path server = program("correct", "Message received");
    PackagedCommand.Run run = sockspec("check", server.toString(), "--as", "tcp", "--format", "json", "-q");

    assertThat(run.status()).as("exit status; standard error:\n%s", run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertShape(report);
    assertThat(report.path("kind").asText()).isEqualTo("tcp");
    assertThat(report.path("target").asText()).isEqualTo(server.toString());
    for (JsonNode result : report.path("results")) {
      if (result.path("level").asText().equals("MUST")) {
        assertThat(result.path("status").asText()).as(result.path("id").asText() + ": " + result.path("message"))
            .isEqualTo("passed");
      }
    }
    assertThat(report.path("summary").path("passed").asInt()).isPositive();
  }

  @Test
  void aServerThatAnswersTheWrongTextFailsWithExitOneAndSaysWhy() throws Exception {
    Path server = program("broken", "Message recieved");
    PackagedCommand.Run run = sockspec("check", server.toString(), "--as", "tcp", "--format", "json", "-q");

    assertThat(run.status()).as("exit status; standard error:\n%s", run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertShape(report);
    JsonNode ack = find(report, "tcp.ack");
    assertThat(ack.path("status").asText()).isEqualTo("failed");
    assertThat(ack.path("message").asText()).contains("Message received").contains("Message recieved");
    assertThat(ack.path("cause").path("kind").asText()).isEqualTo("wrong-answer");
    assertThat(ack.path("cause").path("received").asText()).isEqualTo("b'Message recieved'");
    assertThat(ack.path("evidence").path("transcript").asText()).contains("start the program: python3 srv_tcp.py");
    assertThat(report.path("summary").path("failed").asInt()).isPositive();
    assertThat(run.err()).isEmpty();
  }

  private static void assertShape(JsonNode report) {
    assertThat(fields(report)).containsExactly("kit", "kind", "target", "results", "summary");
    assertThat(report.path("results").size()).isPositive();
    for (JsonNode result : report.path("results")) {
      boolean caused = List.of("failed", "error").contains(result.path("status").asText());
      assertThat(fields(result)).containsExactlyElementsOf(caused
          ? List.of("id", "level", "status", "question", "message", "cause", "evidence", "durationMs")
          : List.of("id", "level", "status", "question", "message", "evidence", "durationMs"));
    }
    assertThat(fields(report.path("summary"))).containsExactly("passed", "failed", "error", "skipped");
    assertThat(report.path("summary").path("error").asInt()).as("kit errors").isZero();
  }

  private static JsonNode find(JsonNode report, String id) {
    for (JsonNode result : report.path("results")) {
      if (result.path("id").asText().equals(id)) {
        return result;
      }
    }
    return fail("no result for " + id + " in " + report);
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Path program(String folder, String answer) throws IOException {
    Path folderPath = Files.createDirectories(dir.resolve(folder));
    return Files.writeString(folderPath.resolve("srv_tcp.py"), SRV_TCP.replace("ANSWER", answer));
  }

  private PackagedCommand.Run sockspec(String... args) throws Exception {
    return PackagedCommand.run(dir, args);
  }
}
