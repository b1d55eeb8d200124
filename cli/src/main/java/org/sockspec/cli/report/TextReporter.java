package org.sockspec.cli.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sockspec.spec.Cause;
import org.sockspec.spec.Level;

/**
 * The report a person reads: one line per spec (also printed live, as each spec ends, by
 * {@link LiveLines}), then every failure with its hint and evidence, then the verdict.
 */
public final class TextReporter implements Reporter {
  private static final String EVIDENCE_INDENT = "    ";
  private final Style style;
  private final boolean ladders;

  public TextReporter(Style style) {
    this(style, false);
  }

  /** {@code ladders}: a passing spec's ladder diagram is shown under its line too. */
  public TextReporter(Style style, boolean ladders) {
    this.style = style;
    this.ladders = ladders;
  }

  public Style style() {
    return style;
  }

  @Override
  public void render(RunReport report, PrintWriter out) {
    out.println(header(report.kit(), report.target(), report.kind(), report.results().size()));
    out.print(build(report.build()));
    out.print(leftOut(report.leftOut()));
    int width = idWidth(report.results().stream().map(SpecResult::id).toList());
    report.results().forEach(result -> out.print(line(result, report.strict(), width)));
    details(report, out);
  }

  @Override
  public void renderAll(List<RunReport> reports, PrintWriter out) {
    for (RunReport report : reports) {
      render(report, out);
      out.println();
    }
    if (reports.size() > 1) {
      overview(reports, out);
    }
  }

  /** The line that opens a run. */
  public String header(String kit, String target, String kind, int specs) {
    return style.bold("sockspec " + kit + ": " + target + " as " + kind) + " ("
        + (specs == 1 ? "1 spec" : specs + " specs") + ")";
  }

  /** The most lines of a failed build's output the report shows (the JSON report has them all). */
  static final int BUILD_LINES_SHOWN = 40;

  /**
   * What the build said, once, under the run's first line: the command and how it ended, then a
   * failed build's output (its errors) or a build's warnings; empty for a program that is not built.
   */
  public String build(org.sockspec.bench.BuildResult build) {
    if (build == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    String how = build.ok() ? "built in " + String.format(java.util.Locale.ROOT, "%.1f s", build.ms() / 1000.0)
        + (build.cached() ? " (an earlier run's build of the same files)" : "")
        : "does not build: it " + build.failure().orElse("failed");
    text.append("  build: ").append(build.build().command()).append(": ")
        .append(build.ok() ? style.dim(how) : style.red(how)).append('\n');
    List<String> shown = build.ok() ? build.warnings() : build.log().lines().toList();
    if (build.ok() && !shown.isEmpty()) {
      text.append("  ").append(shown.size() == 1 ? "1 warning" : shown.size() + " warnings").append(":\n");
    }
    shown.stream().limit(BUILD_LINES_SHOWN).forEach(line -> text.append("    ").append(line).append('\n'));
    if (shown.size() > BUILD_LINES_SHOWN) {
      text.append("    [").append(shown.size() - BUILD_LINES_SHOWN).append(" more lines]\n");
    }
    return text.toString();
  }

  /** One note per file the copy left out ("  note: notes.txt was not copied: ..."), newline-terminated. */
  public String leftOut(List<org.sockspec.bench.LeftOut> leftOut) {
    StringBuilder notes = new StringBuilder();
    leftOut.forEach(entry -> notes.append(style.dim("  note: not copied into the sandbox: "
        + Texts.oneLine(entry.describe()))).append('\n'));
    return notes.toString();
  }

  /** Width of the id column for these ids. */
  public static int idWidth(List<String> ids) {
    return ids.stream().mapToInt(String::length).max().orElse(0);
  }

  /** One spec's line (and the observations of a passing spec), newline-terminated. */
  public String line(SpecResult r, boolean strict, int idWidth) {
    StringBuilder line = new StringBuilder("  ").append(word(r, strict)).append("  ")
        .append(pad(r.id(), idWidth)).append("  ").append(pad(r.level().name(), 6))
        .append(pad(r.question(), 5)).append(r.summary());
    if (r.status() == Status.SKIPPED) {
      line.append(style.dim(" (" + Texts.printable(r.message()) + ")"));
    } else {
      line.append(style.dim(" (" + Texts.duration(r.durationMs()) + ")"));
    }
    line.append('\n');
    if (r.status() == Status.PASSED) {
      r.evidence().forEach((name, finding) -> {
        boolean traffic = name.equals(SpecResult.LADDER) || name.equals(SpecResult.CAPTURE);
        if (!traffic) {
          line.append(style.dim(observation(name, finding))).append('\n');
        } else if (ladders) {
          line.append(style.dim(observation(name, finding).replace("observed " + name, name))).append('\n');
        }
      });
    }
    return line.toString();
  }

  /**
   * A message with its first line at two spaces and the rest at four: what follows the first line
   * is usually the program's output, quoted by the message, and must not read as the hint.
   */
  private static String hanging(String message) {
    String text = message.stripTrailing();
    int newline = text.indexOf('\n');
    return newline < 0 ? "  " + text
        : "  " + text.substring(0, newline) + "\n" + Texts.indent(text.substring(newline + 1), "    ");
  }

  /** "observed NAME: finding", a table on its own lines below its name. */
  public static String observation(String name, String finding) {
    String text = Texts.printable(finding).stripTrailing();
    return text.contains("\n") ? "        observed " + name + ":\n" + Texts.indent(text, "          ")
        : "        observed " + name + ": " + text;
  }

  /** Every failure and error with its evidence, then the verdict. */
  public void details(RunReport report, PrintWriter out) {
    boolean unbuilt = false;
    for (SpecResult r : report.results()) {
      if (r.why().filter(Cause.BuildFailed.class::isInstance).isPresent()) {
        unbuilt = true; // one failure for them all, said once: the build's output is under the first line
      } else if (r.status() == Status.FAILED || r.status() == Status.ERROR) {
        out.println();
        out.print(detail(r, report.strict()));
      }
    }
    if (unbuilt) {
      out.println();
      out.println(style.red("The program does not build") + ", so no spec could run: " + Texts.printable(
          report.results().get(0).message()) + "\n  Fix what the compiler says at the top of this report, and check again.");
    }
    out.println();
    out.println(summary(report));
  }

  /** One failure or error in full: headline, hint, evidence. */
  String detail(SpecResult r, boolean strict) {
    StringBuilder out = new StringBuilder(word(r, strict)).append(' ').append(style.bold(r.id()))
        .append(" (").append(r.level());
    if (!r.question().isEmpty()) {
      out.append(", handout question ").append(r.question());
    }
    out.append(")");
    if (r.status() == Status.FAILED && !r.failsCheck(strict)) {
      out.append(r.level() == Level.SHOULD ? ": does not fail the check (it would with --strict)"
          : ": an observation, never fails the check");
    }
    out.append('\n');
    if (r.status() == Status.ERROR) {
      out.append(Texts.indent("The kit could not judge this spec: " + Texts.printable(r.message()), "  "))
          .append("\n  This is not a verdict on your program: run the check again; if it happens again, "
              + "report it with this output.\n");
    } else {
      out.append(hanging(Texts.printable(r.message()))).append('\n');
      if (!r.hint().isEmpty()) {
        out.append(Texts.indent(style.yellow("Hint: ") + r.hint(), "  ")).append('\n');
      }
    }
    r.why().ifPresent(cause -> out.append("  ").append(style.dim("cause: " + CauseFields.line(cause))).append('\n'));
    for (Map.Entry<String, String> item : r.evidence().entrySet()) {
      out.append("  ").append(style.dim(item.getKey() + ":")).append('\n')
          .append(Texts.indent(Texts.printable(item.getValue()), EVIDENCE_INDENT)).append('\n');
    }
    return out.toString();
  }

  /** The counts and the verdict, in words. */
  public String summary(RunReport report) {
    String counts = report.target() + " as " + report.kind() + ": " + report.counts() + " ("
        + Texts.duration(report.durationMs()) + ")";
    if (report.results().isEmpty()) {
      return counts + "\n" + style.yellow("No spec of the catalogue applies to kind " + report.kind()
          + " yet: nothing was checked.");
    }
    String musts = report.strict() ? "MUST and SHOULD" : "MUST";
    String verdict = switch (report.conclusion()) {
      case PASSED -> style.green("PASSED") + ": every " + musts + " spec passed.";
      case FAILED -> style.red("FAILED") + ": " + ids(report, r -> r.failsCheck(report.strict()))
          + (report.strict() ? " (--strict: SHOULD counts as MUST)" : "") + ".";
      case UNDECIDED -> style.yellow("NO VERDICT") + ": the kit could not run "
          + ids(report, r -> r.leavesCheckUndecided(report.strict()))
          + "; that says nothing about your program: run the check again.";
    };
    List<SpecResult> advisory = report.results().stream()
        .filter(r -> r.status() == Status.FAILED && !r.failsCheck(report.strict())).toList();
    if (!advisory.isEmpty()) {
      verdict += "\n" + advisory.size() + (advisory.size() == 1 ? " spec that does not count was" : " specs that do not count were")
          + " not met: " + advisory.stream().map(r -> r.id() + " (" + r.level() + ")").collect(Collectors.joining(", "))
          + (report.strict() ? "." : "; SHOULD specs count with --strict.");
    }
    return counts + "\n" + verdict;
  }

  private static String ids(RunReport report, java.util.function.Predicate<SpecResult> which) {
    List<String> ids = report.results().stream().filter(which).map(SpecResult::id).toList();
    return (ids.size() == 1 ? "1 spec: " : ids.size() + " specs: ") + String.join(", ", ids);
  }

  /** One line per run and the verdict of them all (after the demo). */
  public void overview(List<RunReport> reports, PrintWriter out) {
    out.println(style.bold("Overview"));
    int width = reports.stream().mapToInt(r -> (r.target() + " as " + r.kind()).length()).max().orElse(0);
    for (RunReport r : reports) {
      String verdict = r.results().isEmpty() ? style.dim("no spec applies yet") : switch (r.conclusion()) {
        case PASSED -> style.green("PASSED");
        case FAILED -> style.red("FAILED");
        case UNDECIDED -> style.yellow("NO VERDICT");
      };
      out.println("  " + pad(r.target() + " as " + r.kind(), width) + "  " + verdict + "  " + style.dim(r.counts()));
    }
    RunReport.Conclusion all = RunReport.conclusionOf(reports);
    out.println(switch (all) {
      case PASSED -> style.green("PASSED") + ": every reference program passed every spec that counts.";
      case FAILED -> style.red("FAILED") + ": a reference program failed a spec (see above).";
      case UNDECIDED -> style.yellow("NO VERDICT") + ": the kit could not run some specs (see above).";
    });
  }

  /** PASS, FAIL, WARN (a failure that does not count), ERROR, SKIP; five columns wide. */
  private String word(SpecResult r, boolean strict) {
    return switch (r.status()) {
      case PASSED -> style.green("PASS ");
      case FAILED -> r.failsCheck(strict) ? style.red("FAIL ") : style.yellow("WARN ");
      case ERROR -> style.red("ERROR");
      case SKIPPED -> style.dim("SKIP ");
    };
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
