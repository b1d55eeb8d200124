package org.sockspec.cli;


import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.sockspec.bench.BuildResult;
import org.sockspec.cli.report.Format;
import org.sockspec.cli.report.Reporter;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.Style;
import org.sockspec.cli.report.TextReporter;
import org.sockspec.spec.SpecInfo;

/**
 * Where a command's runs are shown while they go on and reported when they end. Text to standard
 * output is the live lines then the details; any other format or destination gets the whole
 * report at the end, and the live lines go to standard error as progress (unless --quiet), so
 * that standard output holds nothing but the report.
 */
final class Reporting {
  private final CliContext context;
  private final ReportOptions options;
  private final boolean textToStdout;
  private final PrintWriter progress;
  private final Style progressStyle;
  private int shown;

  Reporting(CliContext context, ReportOptions options) {
    this.context = context;
    this.options = options;
    this.textToStdout = options.format == Format.text && options.out == null;
    this.progress = textToStdout ? context.out() : options.quiet ? null : context.err();
    this.progressStyle = textToStdout ? Style.of(context.colour()) : Style.PLAIN;
  }

  /** Runs {@code request}, showing its progress. */
  RunReport run(SpecRunner runner, RunRequest request) {
    TextReporter text = new TextReporter(progressStyle, options.ladders);
    if (progress != null) {
      if (shown++ > 0) {
        progress.println();
      }
      progress.println(text.header(KitVersion.get(), request.target(), request.kind().id(), request.plan().size()));
      // Another lab's protocol is said once, up front: every verdict below is in its terms.
      org.sockspec.bench.LabProtocol protocol = org.sockspec.spec.TargetConfig.protocol(
          key -> java.util.Optional.ofNullable(request.parameters().get(key)));
      if (!protocol.equals(org.sockspec.bench.LabProtocol.HANDOUT)) {
        progress.println("  the lab's protocol: " + protocol.describe());
      }
      progress.print(text.leftOut(request.leftOut()));
      progress.flush();
    }
    // Built once before the first spec: what the compiler said is shown once, here.
    BuildResult build = request.plan().isEmpty() ? null : ProgramBuilds.of(request.parameters()).orElse(null);
    if (progress != null && build != null) {
      progress.print(text.build(build));
      progress.flush();
    }
    RunReport report;
    if (request.plan().isEmpty()) {
      report = new RunReport(KitVersion.get(), request.kind().id(), request.target(), request.strict(), List.of(), 0,
          request.leftOut());
    } else if (build != null && !build.ok()) {
      report = new RunReport(KitVersion.get(), request.kind().id(), request.target(), request.strict(),
          request.plan().stream().map(spec -> ProgramBuilds.failed(spec, build)).toList(), build.ms(), request.leftOut());
      if (progress != null) {
        int width = TextReporter.idWidth(request.plan().stream().map(SpecInfo::id).toList());
        report.results().forEach(result -> progress.print(text.line(result, request.strict(), width)));
      }
    } else {
      report = runner.run(request, progress == null ? SpecListener.NONE
          : new LiveLines(progress, new TextReporter(progressStyle, options.ladders), request.plan(),
              request.strict()));
    }
    report = report.withBuild(build);
    if (textToStdout) {
      text.details(report, progress);
    } else if (progress != null) {
      progress.println(text.summary(report));
    }
    if (progress != null) {
      progress.flush();
    }
    return report;
  }

  /** Writes the report of one finished run (check). */
  void publish(RunReport run) {
    publish(List.of(run), false);
  }

  /** Writes the report of several finished runs (the demo: one per reference program). */
  void publishAll(List<RunReport> runs) {
    publish(runs, true);
  }

  private void publish(List<RunReport> runs, boolean several) {
    if (textToStdout) {
      if (several) {
        context.out().println();
        new TextReporter(progressStyle).overview(runs, context.out());
      }
      context.out().flush();
      return;
    }
    Reporter reporter = options.format.reporter(Style.PLAIN, options.ladders);
    if (options.out == null) {
      render(reporter, runs, several, context.out());
      return;
    }
    try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(options.out, StandardCharsets.UTF_8))) {
      render(reporter, runs, several, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + options.out + ": " + e.getMessage(), e);
    }
    if (progress != null) {
      progress.println("Report written to " + options.out);
      progress.flush();
    }
  }

  private static void render(Reporter reporter, List<RunReport> runs, boolean several, PrintWriter out) {
    if (several) {
      reporter.renderAll(runs, out);
    } else {
      reporter.render(runs.get(0), out);
    }
    out.flush();
  }
}
