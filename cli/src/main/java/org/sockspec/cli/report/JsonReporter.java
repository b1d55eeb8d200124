package org.sockspec.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine-readable report, for graders and scripts (its shape is a contract, see docs/cli.md):
 *
 * <pre>{"kit", "kind", "target", "results": [{"id", "level", "status", "question", "message",
 *  "cause": {"kind", ...} (failed and error only), "evidence": {name: text}, "durationMs"}], "summary": {"passed", "failed", "error", "skipped"}}</pre>
 *
 * Several runs (the demo) are {@code {"kit", "runs": [run, ...]}}. Non-ASCII characters are
 * escaped, so the bytes are the same whatever the terminal's or the platform's encoding.
 */
public final class JsonReporter implements Reporter {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  @Override
  public void render(RunReport report, PrintWriter out) {
    print(run(report), out);
  }

  @Override
  public void renderAll(List<RunReport> reports, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("kit", reports.isEmpty() ? "" : reports.get(0).kit());
    ArrayNode runs = root.putArray("runs");
    reports.forEach(report -> runs.add(run(report)));
    print(root, out);
  }

  /** How the target was built: its command, how it ended, its warnings, its first errors and its whole log. */
  static ObjectNode build(org.sockspec.bench.BuildResult build) {
    ObjectNode node = JSON.createObjectNode();
    node.put("command", build.build().command());
    node.put("from", build.build().from());
    node.put("built", build.ok());
    if (build.status() != null) {
      node.put("status", build.status());
    }
    if (build.stoppedBy() != null) {
      node.put("stoppedBy", build.stoppedBy());
    }
    node.put("ms", build.ms());
    node.put("cached", build.cached());
    build.warnings().forEach(node.putArray("warnings")::add);
    build.errors().forEach(node.putArray("errors")::add);
    node.put("log", build.log());
    return node;
  }

  /** One run as a JSON object (also what tests compare against). */
  public static ObjectNode run(RunReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("kit", report.kit());
    root.put("kind", report.kind());
    root.put("target", report.target());
    if (!report.leftOut().isEmpty()) {
      ArrayNode leftOut = root.putArray("leftOut");
      report.leftOut().forEach(entry -> leftOut.addObject().put("path", entry.path())
          .put("reason", entry.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .put("detail", entry.detail()));
    }
    if (report.build() != null) {
      root.set("build", build(report.build()));
    }
    ArrayNode results = root.putArray("results");
    for (SpecResult r : report.results()) {
      ObjectNode result = results.addObject();
      result.put("id", r.id());
      result.put("level", r.level().name());
      result.put("status", r.status().label());
      result.put("question", r.question());
      result.put("message", r.message());
      r.why().ifPresent(cause -> result.set("cause", CauseFields.json(cause)));
      ObjectNode evidence = result.putObject("evidence");
      r.evidence().forEach(evidence::put);
      result.put("durationMs", r.durationMs());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("passed", report.count(Status.PASSED));
    summary.put("failed", report.count(Status.FAILED));
    summary.put("error", report.count(Status.ERROR));
    summary.put("skipped", report.count(Status.SKIPPED));
    return root;
  }

  /** Prints {@code node} as the reports do: indented, ASCII, a final newline. */
  public static void print(ObjectNode node, PrintWriter out) {
    try {
      JSON.writeValue(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  /** A new object node, for commands that print other JSON (specs, identify) the same way. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
