package org.sockspec.cli.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub-flavoured Markdown for a CI job summary (for example appended to $GITHUB_STEP_SUMMARY):
 * a heading with the verdict, a table with one row per spec, then each failure with its hint and
 * its evidence folded in {@code <details>} blocks.
 */
public final class MarkdownReporter implements Reporter {
  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final int CELL = 140;
  private final boolean ladders;

  public MarkdownReporter() {
    this(false);
  }

  /** {@code ladders}: the passing specs' ladder diagrams are shown too, after the failures. */
  public MarkdownReporter(boolean ladders) {
    this.ladders = ladders;
  }

  @Override
  public void render(RunReport report, PrintWriter out) {
    out.println("## sockspec: `" + report.target().replace("`", "'") + "` as `" + report.kind() + "`: "
        + verdict(report));
    out.println();
    out.println(report.counts() + " in " + Texts.duration(report.durationMs()) + " (kit " + report.kit()
        + (report.strict() ? ", --strict: SHOULD counts as MUST" : "") + ").");
    out.println();
    if (!report.leftOut().isEmpty()) {
      out.println("Not copied into the sandbox (the kit never opens a file outside the folder):");
      out.println();
      report.leftOut().forEach(entry -> out.println("- `" + Texts.oneLine(entry.path()).replace("`", "'") + "`: "
          + escape(entry.reason().description()) + (entry.detail().isEmpty() ? ""
              : " (`" + Texts.oneLine(entry.detail()).replace("`", "'") + "`)")));
      out.println();
    }
    if (report.results().isEmpty()) {
      out.println("No spec of the catalogue applies to kind `" + report.kind() + "` yet.");
      out.println();
      return;
    }
    out.println("| | Spec | Level | Question | Result |");
    out.println("| --- | --- | --- | --- | --- |");
    for (SpecResult r : report.results()) {
      out.println("| " + icon(r, report.strict()) + " | `" + r.id() + "` | " + r.level() + " | "
          + r.question() + " | " + cell(result(r)) + " |");
    }
    out.println();
    for (SpecResult r : report.results()) {
      if (r.status() == Status.FAILED || r.status() == Status.ERROR) {
        detail(r, report.strict(), out);
      }
    }
    if (ladders) {
      for (SpecResult r : report.results()) {
        String ladder = r.evidence().get(SpecResult.LADDER);
        if (r.status() == Status.PASSED && ladder != null) {
          out.println("<details><summary>" + escape(r.id()) + ": what went over the wire</summary>");
          out.println();
          out.println(block(ladder));
          out.println();
          out.println("</details>");
          out.println();
        }
      }
    }
  }

  @Override
  public void renderAll(List<RunReport> reports, PrintWriter out) {
    out.println("# sockspec demo: " + verdictWord(RunReport.conclusionOf(reports)));
    out.println();
    reports.forEach(report -> render(report, out));
  }

  private static void detail(SpecResult r, boolean strict, PrintWriter out) {
    out.println("### " + icon(r, strict) + " `" + r.id() + "` (" + r.level()
        + (r.question().isEmpty() ? "" : ", handout question " + r.question()) + ")");
    out.println();
    if (r.status() == Status.ERROR) {
      out.println("The kit could not judge this spec (not a verdict on the program): run it again.");
      out.println();
    } else if (!r.failsCheck(strict)) {
      out.println("Does not fail the check" + (strict ? "." : " (a SHOULD spec would with `--strict`)."));
      out.println();
    }
    out.println(block(r.message()));
    out.println();
    r.why().ifPresent(cause -> {
      out.println("Cause: `" + CauseFields.line(cause).replace("`", "'") + "`");
      out.println();
    });
    if (!r.hint().isEmpty()) {
      out.println("> **Hint:** " + escape(r.hint()));
      out.println();
    }
    for (Map.Entry<String, String> item : r.evidence().entrySet()) {
      out.println("<details><summary>" + escape(item.getKey()) + "</summary>");
      out.println();
      out.println(block(item.getValue()));
      out.println();
      out.println("</details>");
      out.println();
    }
  }

  private static String result(SpecResult r) {
    return switch (r.status()) {
      case PASSED -> "passed in " + Texts.duration(r.durationMs());
      case SKIPPED -> "skipped: " + r.message();
      case FAILED, ERROR -> Texts.firstLine(r.message());
    };
  }

  private static String icon(SpecResult r, boolean strict) {
    return switch (r.status()) {
      case PASSED -> "✅";
      case FAILED -> r.failsCheck(strict) ? "❌" : "⚠️";
      case ERROR -> "💥";
      case SKIPPED -> "⏭️";
    };
  }

  private static String verdict(RunReport report) {
    return report.results().isEmpty() ? "nothing checked" : verdictWord(report.conclusion());
  }

  private static String verdictWord(RunReport.Conclusion verdict) {
    return switch (verdict) {
      case PASSED -> "✅ passed";
      case FAILED -> "❌ failed";
      case UNDECIDED -> "💥 no verdict (kit error)";
    };
  }

  /** A fenced block longer than any run of backticks inside, so the text cannot close it. */
  private static String block(String text) {
    String clean = Texts.printable(text).stripTrailing();
    int longest = 2;
    Matcher m = BACKTICKS.matcher(clean);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    return fence + "text\n" + clean + "\n" + fence;
  }

  /**
   * A table cell: one line, at most {@value #CELL} characters (the whole message is in the
   * failure's section below), pipes escaped, HTML and Markdown markup shown as text.
   */
  private static String cell(String text) {
    String line = Texts.firstLine(Texts.printable(text));
    if (line.length() > CELL) {
      line = line.substring(0, CELL - 1) + "…";
    }
    return escape(line).replace("|", "\\|");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
