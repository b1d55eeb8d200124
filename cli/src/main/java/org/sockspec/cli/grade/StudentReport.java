package org.sockspec.cli.grade;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockspec.cli.report.MarkdownReporter;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.cli.report.Texts;

/**
 * A student's {@code report.md}: their points per program and per spec with the grade's verdict,
 * then, for each program handed in, {@code check}'s own Markdown report (what was expected, what
 * was seen, the evidence). Hidden specs are left out: students see them once grades are published.
 */
final class StudentReport {
  private StudentReport() {}

  static String render(StudentGrade grade, LabManifest manifest, String kit) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    List<GradedSpec> shown = grade.specs().stream().filter(s -> !s.hidden()).toList();
    double score = shown.stream().mapToDouble(GradedSpec::points).sum();
    double max = shown.stream().mapToDouble(GradedSpec::maxPoints).sum();
    out.println("# " + manifest.title() + ": " + escape(grade.student()));
    out.println();
    out.println("**" + GradescopeResults.number(score) + " of " + GradescopeResults.number(max) + " points** "
        + "(graded by sockspec " + kit + ").");
    long hidden = grade.specs().size() - shown.size();
    if (hidden > 0) {
      out.println();
      out.println(hidden + (hidden == 1 ? " more spec is" : " more specs are")
          + " graded and will show here once grades are published.");
    }
    if (grade.count(Verdict.KIT_ERROR) > 0) {
      out.println();
      out.println("💥 The kit could not judge " + grade.count(Verdict.KIT_ERROR) + " spec(s): that is not a verdict "
          + "on your program, and they will be graded again.");
    }
    if (!grade.leftOut().isEmpty()) {
      out.println();
      out.println("Not copied into the sandbox from your folder (the kit never opens a file outside it):");
      out.println();
      grade.leftOut().forEach(entry -> out.println("- `" + Texts.oneLine(entry.path()).replace("`", "'") + "`: "
          + escape(entry.reason().description())));
    }
    out.println();
    out.println("| Program | Spec | Points | Verdict |");
    out.println("| --- | --- | --- | --- |");
    for (GradedSpec s : shown) {
      out.println("| `" + s.column().file() + "` | `" + s.column().spec().id() + "` | "
          + GradescopeResults.number(s.points()) + " / " + GradescopeResults.number(s.maxPoints()) + " | "
          + s.verdict().symbol() + " " + escape(s.verdictText()) + " |");
    }
    out.println();
    Map<String, List<GradedSpec>> byProgram = new LinkedHashMap<>();
    shown.forEach(s -> byProgram.computeIfAbsent(s.column().file(), k -> new java.util.ArrayList<>()).add(s));
    MarkdownReporter markdown = new MarkdownReporter();
    byProgram.forEach((file, specs) -> {
      if (specs.stream().allMatch(s -> s.verdict() == Verdict.REJECTED)) {
        out.println("## `" + file + "`: rejected");
        out.println();
        out.println(escape(specs.get(0).result().message()));
        out.println();
        out.println("Its " + specs.size() + " specs count zero.");
        out.println();
        return;
      }
      if (specs.stream().allMatch(s -> s.verdict() == Verdict.NOT_HANDED_IN)) {
        out.println("## `" + file + "`: not handed in");
        out.println();
        out.println("No `" + file + "` in your folder: its " + specs.size() + " specs count zero.");
        out.println();
        return;
      }
      out.print("#");
      markdown.render(new RunReport(kit, specs.get(0).column().kind().id(), file, false,
          specs.stream().map(StudentReport::asChecked).toList(),
          specs.stream().mapToLong(s -> s.result().durationMs()).sum()), out);
    });
    out.flush();
    return text.toString();
  }

  /**
   * The result as {@code check} would report it, with the grade's verdict in front: a spec whose
   * deadline ran out is the program's failure (timed out), not the kit's error.
   */
  private static SpecResult asChecked(GradedSpec s) {
    SpecResult r = s.result();
    Status status = s.verdict() == Verdict.TIMED_OUT && r.status() == Status.ERROR ? Status.FAILED : r.status();
    String kitError = "kit error: ";
    String told = r.message().startsWith(kitError) ? r.message().substring(kitError.length()) : r.message();
    String message = s.verdict() == Verdict.PASSED ? r.message()
        : s.verdictText().toUpperCase(java.util.Locale.ROOT) + ": " + told;
    return new SpecResult(r.id(), r.level(), r.question(), r.summary(), r.hint(), status, message, r.cause(),
        r.evidence(), r.durationMs());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
  }
}
