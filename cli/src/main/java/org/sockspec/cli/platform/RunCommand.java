package org.sockspec.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.SandboxOption;
import org.sockspec.cli.grade.LabManifest;
import org.sockspec.cli.grade.PlatformResults;
import org.sockspec.cli.grade.StudentGrade;
import org.sockspec.cli.grade.SubmissionGrader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec autograder run PLATFORM --submission DIR [--results FILE]}: grades one submission
 * as {@code grade} grades a student (with the process sandbox unless told otherwise) and writes the
 * platform's results: to FILE, or to standard output (Autolab reads its scores there).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Grades one submission inside an autograding platform and writes its results.",
    description = {"What the packages' scripts call for each submission. The student's files are in "
        + "DIR, or in the one folder DIR holds.", ""})
final class RunCommand implements Callable<Integer> {
  @ParentCommand
  AutograderCommand parent;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLATFORM", description = "gradescope, prairielearn, autolab, classroom "
      + "(GitHub Classroom: the result goes to $GITHUB_OUTPUT as result=BASE64, a summary to $GITHUB_STEP_SUMMARY) or "
      + "codegrade (JUnit XML to $CG_JUNIT_XML_LOCATION).")
  String platform;

  @Option(names = "--submission", required = true, paramLabel = "DIR", description = "The student's files.")
  Path submission;

  @Option(names = "--results", paramLabel = "FILE", description = "Where to write the results (default: "
      + "standard output).")
  Path results;

  @Option(names = "--lab", paramLabel = "FILE", description = "The lab manifest (default: the built-in one).")
  Path lab;

  @Option(names = "--timescale", paramLabel = "X", description = "Multiply every wait by X (default: "
      + "${DEFAULT-VALUE}).")
  double timescale = 1.0;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "The most the whole submission's grading may "
      + "take; what it does not reach scores zero, out of time (default: the platform's usual timeout less a margin: "
      + "gradescope 480, prairielearn 480, autolab 210). Raise it with the platform's timeout.")
  Integer budget;

  @Option(names = "--report", paramLabel = "DIR", description = "classroom: also write the report (report.md, "
      + "results.json) and each spec's packet capture (captures/) there, for the workflow to keep as an artifact.")
  Path report;

  @Mixin
  SandboxOption sandbox;

  @Override
  public Integer call() {
    CliContext context = root().context();
    PlatformResults format;
    LabManifest manifest;
    try {
      if (!Files.isDirectory(submission)) {
        throw new IllegalArgumentException("--submission " + submission + " is not a folder");
      }
      format = PlatformResults.parse(platform);
      if (budget != null && budget < 10) {
        throw new IllegalArgumentException("--budget " + budget + " is too short to grade anything: give the seconds "
            + "the platform allows a submission, less a minute (e.g. --budget 480 for a 10-minute timeout)");
      }
      manifest = lab == null ? LabManifest.defaults() : LabManifest.read(lab);
      // The platforms' containers have no engine; GitHub's runners do, and sockspec runs there as anywhere.
      sandbox.defaultTo(format == PlatformResults.CLASSROOM ? "containers" : "process");
      sandbox.apply(context);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    context.engine().require();
    SubmissionGrader grader = new SubmissionGrader(context.runner(), manifest, timescale,
        java.time.Duration.ofSeconds(budget != null ? budget : format.defaultBudgetSeconds()),
        report == null ? null : report.resolve("captures").toAbsolutePath());
    Path programs = grader.programsFolder(submission);
    if (format == PlatformResults.CLASSROOM) {
      programs = ClassroomStep.staged(programs);
    }
    StudentGrade grade = grader.grade("submission", programs);
    String rendered = format.render(grade, KitVersion.get());
    if (format == PlatformResults.CLASSROOM) {
      return ClassroomStep.publish(grade, context, results, report);
    }
    if (results == null && format == PlatformResults.CODEGRADE && System.getenv("CG_JUNIT_XML_LOCATION") != null) {
      results = Path.of(System.getenv("CG_JUNIT_XML_LOCATION"));
    }
    if (results == null) {
      context.out().print(rendered);
      context.out().flush();
    } else {
      try {
        Files.createDirectories(results.toAbsolutePath().getParent());
        Path part = results.resolveSibling(results.getFileName() + ".part");
        Files.writeString(part, rendered);
        Files.move(part, results, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the results to " + results + ": " + e.getMessage(), e);
      }
      context.err().println("sockspec: " + Math.round(grade.score() * 100) / 100.0 + " of "
          + Math.round(grade.maxScore() * 100) / 100.0 + " points; results in " + results);
    }
    return ExitStatus.PASSED;
  }

  private org.sockspec.cli.SockspecCommand root() {
    return parent.root;
  }
}
