package org.sockspec.cli.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.sockspec.cli.report.CauseFields;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Texts;

/**
 * A student's {@code results.json} in Gradescope's autograder format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a score, the execution time,
 * an output for the whole submission, and one test per (program, spec) with its score, maximum,
 * status, output and visibility. Hidden specs are {@code "after_published"}: graded now, shown once
 * the instructor publishes grades.
 *
 * <p>The grader's own per-test facts (program, spec id, verdict) ride in the documented top-level
 * {@code extra_data}, so the class's CSV and HTML are rebuilt from these files alone (and a
 * resumed run needs nothing else). A program's output only ever appears inside these strings:
 * whatever it printed, JSON included, is never read back as results.
 */
final class GradescopeResults {
  static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  /** Each evidence text is cut to this, keeping its end (where a program's last words are). */
  private static final int EVIDENCE_CHARS = 6_000;

  private GradescopeResults() {}

  public static String render(StudentGrade grade, String kit) {
    ObjectNode root = JSON.createObjectNode();
    root.put("score", round(grade.score()));
    root.put("execution_time", Math.max(0, Math.round(grade.durationMs() / 1000.0)));
    root.put("output", summary(grade));
    root.put("visibility", "visible");
    root.put("stdout_visibility", "hidden");
    ArrayNode tests = root.putArray("tests");
    ObjectNode extra = root.putObject("extra_data").putObject("sockspec");
    extra.put("kit", kit);
    extra.put("student", grade.student());
    extra.put("max_score", round(grade.maxScore()));
    extra.put("kit_errors", grade.count(Verdict.KIT_ERROR));
    if (grade.gradedOn() != null) {
      ObjectNode engine = extra.putObject("engine");
      engine.put("number", grade.gradedOn().engine());
      engine.put("url", grade.gradedOn().url());
      engine.put("limit_counters", GradedOn.word(grade.gradedOn().limitCounters()));
    }
    ArrayNode cells = extra.putArray("tests");
    int number = 1;
    for (GradedSpec spec : grade.specs()) {
      ObjectNode test = tests.addObject();
      test.put("name", spec.column().name());
      test.put("number", Integer.toString(number++));
      test.put("score", round(spec.points()));
      test.put("max_score", round(spec.maxPoints()));
      test.put("status", spec.verdict() == Verdict.PASSED ? "passed" : "failed");
      test.put("output", output(spec));
      test.put("visibility", spec.hidden() ? "after_published" : "visible");
      ObjectNode cell = cells.addObject();
      cell.put("name", spec.column().name());
      cell.put("program", spec.column().file());
      cell.put("kind", spec.column().kind().id());
      cell.put("spec", spec.column().spec().id());
      cell.put("verdict", spec.verdict().code());
      cell.put("reason", spec.reason());
      spec.result().why().ifPresent(cause -> cell.set("cause", CauseFields.json(cause)));
      String ladder = spec.result().evidence().get(SpecResult.LADDER);
      if (ladder != null && !spec.hidden()) {
        cell.put("ladder", ladder);
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String summary(StudentGrade grade) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "sockspec: %s of %s points.",
        number(grade.score()), number(grade.maxScore())));
    for (Verdict verdict : Verdict.values()) {
      long n = grade.count(verdict);
      if (n > 0 && verdict != Verdict.PASSED) {
        out.append(' ').append(n).append(' ').append(verdict.label()).append('.');
      }
    }
    grade.leftOut().forEach(entry -> out.append(" Not copied from your folder: ")
        .append(Texts.oneLine(entry.describe())).append('.'));
    if (grade.count(Verdict.KIT_ERROR) > 0) {
      out.append(" The kit could not judge some specs (not a verdict on your programs): they will be graded again.");
    }
    return out.toString();
  }

  /** A test's text for the student: the verdict, what was expected and seen, the hint, the evidence. */
  static String output(GradedSpec spec) {
    StringBuilder out = new StringBuilder(spec.verdictText().toUpperCase(Locale.ROOT));
    if (spec.verdict() == Verdict.KIT_ERROR) {
      out.append(": the kit could not judge this spec; this is not a verdict on your program.");
    }
    String message = Texts.printable(spec.result().message()).strip();
    if (!message.isEmpty()) {
      out.append("\n\n").append(message);
    }
    if (spec.verdict() != Verdict.PASSED && !spec.result().hint().isEmpty()) {
      out.append("\n\nHint: ").append(spec.result().hint());
    }
    spec.result().why().ifPresent(cause -> out.append("\n\nCause: ").append(CauseFields.line(cause)));
    for (Map.Entry<String, String> item : spec.result().evidence().entrySet()) {
      if (item.getKey().equals(SpecResult.CAPTURE)) {
        continue; // a file of the grader's machine: the instructor's, not the student's
      }
      out.append("\n\n--- ").append(item.getKey()).append(" ---\n").append(tail(Texts.printable(item.getValue())));
    }
    return out.toString();
  }

  private static String tail(String text) {
    String clean = text.stripTrailing();
    return clean.length() <= EVIDENCE_CHARS ? clean
        : "[... " + (clean.length() - EVIDENCE_CHARS) + " characters left out ...]\n"
            + clean.substring(clean.length() - EVIDENCE_CHARS);
  }

  /**
   * A finished student's file read back for the class's reports: one cell per test, by name.
   *
   * @param gradedOn the engine of a pool that graded them; null on the run's one sandbox
   */
  record Row(String student, double score, double maxScore, long kitErrors, Map<String, Cell> cells,
      GradedOn gradedOn) {}

  /**
   * @param cause the kind of the spec's cause ("no-answer"), empty for a pass
   * @param ladder what went over the wire, empty when there was no capture
   */
  record Cell(Verdict verdict, String reason, String cause, double score, double maxScore, String output,
      String ladder) {
    /** "hit a limit (memory limit)": the verdict with its reason. */
    String verdictText() {
      return verdict.label() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
  }

  static Row read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    JsonNode extra = root.path("extra_data").path("sockspec");
    Map<String, Cell> cells = new java.util.LinkedHashMap<>();
    JsonNode tests = root.path("tests");
    JsonNode facts = extra.path("tests");
    for (int i = 0; i < tests.size(); i++) {
      JsonNode test = tests.get(i);
      JsonNode fact = facts.path(i);
      cells.put(test.path("name").asText(), new Cell(Verdict.ofCode(fact.path("verdict").asText("kit-error")),
          fact.path("reason").asText(""), fact.path("cause").path("kind").asText(""), test.path("score").asDouble(), test.path("max_score").asDouble(),
          test.path("output").asText(""), fact.path("ladder").asText("")));
    }
    JsonNode engine = extra.path("engine");
    GradedOn gradedOn = engine.isObject() ? new GradedOn(engine.path("number").asInt(), engine.path("url").asText(),
        GradedOn.ofWord(engine.path("limit_counters").asText("not-seen-yet"))) : null;
    return new Row(extra.path("student").asText(file.getParent().getFileName().toString()),
        root.path("score").asDouble(), extra.path("max_score").asDouble(), extra.path("kit_errors").asLong(), cells,
        gradedOn);
  }

  static double round(double points) {
    return Math.round(points * 100) / 100.0;
  }

  /** "2" or "2.5": points for people. */
  static String number(double points) {
    double rounded = round(points);
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }
}
