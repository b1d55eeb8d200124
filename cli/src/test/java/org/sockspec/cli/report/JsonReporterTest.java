package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String render(RunReport report) {
    StringWriter text = new StringWriter();
    new JsonReporter().render(report, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void hasExactlyTheContractShape() throws Exception {
    JsonNode root = new ObjectMapper().readTree(render(SampleReports.sample()));
    assertThat(fields(root)).containsExactly("kit", "kind", "target", "results", "summary");
    assertThat(root.path("kit").asText()).isEqualTo("9.9.9");
    assertThat(root.path("kind").asText()).isEqualTo("tcp");
    assertThat(root.path("target").asText()).isEqualTo("srv_tcp.py");
    assertThat(root.path("results")).hasSize(6);
    for (JsonNode result : root.path("results")) {
      boolean caused = result.path("status").asText().equals("failed") || result.path("status").asText().equals("error");
      assertThat(fields(result)).containsExactlyElementsOf(caused
          ? List.of("id", "level", "status", "question", "message", "cause", "evidence", "durationMs")
          : List.of("id", "level", "status", "question", "message", "evidence", "durationMs"));
      assertThat(result.path("cause").path("kind").isTextual()).isEqualTo(caused);
      assertThat(result.path("evidence").isObject()).isTrue();
      assertThat(result.path("durationMs").isIntegralNumber()).isTrue();
      assertThat(result.path("status").asText()).isIn("passed", "failed", "error", "skipped");
      assertThat(result.path("level").asText()).isIn("MUST", "SHOULD", "INFO");
    }
    assertThat(fields(root.path("summary"))).containsExactly("passed", "failed", "error", "skipped");
    assertThat(root.path("summary").path("passed").asInt()).isEqualTo(2);
    assertThat(root.path("summary").path("failed").asInt()).isEqualTo(2);
    assertThat(root.path("summary").path("error").asInt()).isEqualTo(1);
    assertThat(root.path("summary").path("skipped").asInt()).isEqualTo(1);
  }

  @Test
  void carriesTheFailureAndItsEvidenceVerbatim() throws Exception {
    JsonNode first = new ObjectMapper().readTree(render(SampleReports.sample())).path("results").get(0);
    assertThat(first.path("id").asText()).isEqualTo("tcp.ack");
    assertThat(first.path("status").asText()).isEqualTo("failed");
    assertThat(first.path("question").asText()).isEqualTo("1.1");
    assertThat(first.path("message").asText()).startsWith("Expecting the server");
    assertThat(fields(first.path("evidence"))).containsExactly("transcript", "sockets", "output");
    assertThat(first.path("evidence").path("output").asText()).contains("\u001b[31m").contains("\ufffd");
    assertThat(first.path("durationMs").asLong()).isEqualTo(812);
  }

  @Test
  void carriesTheCauseAsItsKindAndFields() throws Exception {
    JsonNode results = new ObjectMapper().readTree(render(SampleReports.sample())).path("results");
    JsonNode cause = results.get(0).path("cause");
    assertThat(fields(cause)).containsExactly("kind", "who", "expected", "received", "receivedLength");
    assertThat(cause.path("kind").asText()).isEqualTo("wrong-answer");
    assertThat(cause.path("received").asText()).isEqualTo("b'Message recieved'");
    assertThat(cause.path("receivedLength").isIntegralNumber()).isTrue();
    assertThat(results.get(4).path("cause").path("kind").asText()).isEqualTo("kit");
  }

  @Test
  void aLimitCarriesWhatTheSpecSawAsANestedCause() {
    org.sockspec.spec.Cause limit = new org.sockspec.spec.Cause.Limit(org.sockspec.bench.SandboxLimit.PROCESSES,
        List.of(org.sockspec.bench.SandboxLimit.PROCESSES, org.sockspec.bench.SandboxLimit.MEMORY),
        org.sockspec.bench.LimitEvidence.KERNEL, new org.sockspec.spec.Cause.NeverListened(org.sockspec.probe.protocol.Protocol.TCP, 12800, 15000));
    JsonNode json = CauseFields.json(limit);
    assertThat(json.path("limit").asText()).isEqualTo("processes");
    assertThat(json.path("limits").get(1).asText()).isEqualTo("memory");
    assertThat(json.path("countedBy").asText()).isEqualTo("kernel");
    assertThat(json.path("seen").path("kind").asText()).isEqualTo("never-listened");
    assertThat(json.path("seen").path("port").asInt()).isEqualTo(12800);
    assertThat(CauseFields.line(limit)).isEqualTo("limit (limit: processes; limits: processes, memory; countedBy: "
        + "kernel; seen: never-listened (protocol: tcp; port: 12800; startupMs: 15000))");
  }

  @Test
  void isAsciiWhateverTheEvidenceHolds() {
    assertThat(render(SampleReports.sample())).matches("\\A[\\x00-\\x7f]*\\z");
  }

  @Test
  void severalRunsAreWrappedWithTheKit() throws Exception {
    StringWriter text = new StringWriter();
    new JsonReporter().renderAll(List.of(SampleReports.sample(), SampleReports.sample()), new PrintWriter(text));
    JsonNode root = new ObjectMapper().readTree(text.toString());
    assertThat(fields(root)).containsExactly("kit", "runs");
    assertThat(root.path("runs")).hasSize(2);
    assertThat(fields(root.path("runs").get(0))).containsExactly("kit", "kind", "target", "results", "summary");
  }
}
