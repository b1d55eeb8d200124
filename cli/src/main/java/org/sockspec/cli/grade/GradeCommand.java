package org.sockspec.cli.grade;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.sockspec.cli.CaptureFolder;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.SandboxOption;
import org.sockspec.cli.SockspecCommand;
import org.sockspec.cli.pool.EngineLine;
import org.sockspec.cli.pool.EnginesFile;
import org.sockspec.bench.Sandboxes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sockspec grade SUBMISSIONS}: a whole class of submissions, in parallel, in sandboxes. */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Grades a folder of submissions: results.json, report.md per student, grades.csv, report.html.",
    description = {"SUBMISSIONS holds one folder per student, each with some of the lab's programs. Every "
        + "program found is checked against the specs of its kind (the lab manifest says which file is which "
        + "kind and what each spec is worth), each spec in fresh, sandboxed containers. A missing program "
        + "scores zero (\"not handed in\").", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every student graded", "1:--repeat found a spec whose verdict changed (a flake)",
        "2:bad usage or input (a manifest with unknown spec ids...)",
        "3:cannot run containers here, or some specs could not be judged (kit errors: run again with --resume)"},
    footerHeading = "%nExamples:%n",
    footer = {"  sockspec grade submissions/ --out grades/", "  sockspec grade submissions/ --lab lab.toml --jobs 2",
        "  sockspec grade submissions/ --out grades/ --resume", "  sockspec grade submissions/ --engines engines.txt",
        "  sockspec grade --print-lab > lab.toml",
        "", "Documentation: docs/grading.md"})
public final class GradeCommand implements Callable<Integer> {
  @ParentCommand
  SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SUBMISSIONS",
      description = "A folder with one folder per student.")
  Path submissions;

  @Option(names = "--lab", paramLabel = "FILE", description = "The lab manifest (TOML); default: the "
      + "built-in one, which --print-lab prints.")
  Path lab;

  @Option(names = "--budget", paramLabel = "SECONDS", description = "The most each student's grading may take; "
      + "what it does not reach scores zero, out of time (default: unbounded).")
  Integer budget;

  @Option(names = "--print-lab", description = "Print the built-in lab manifest and exit.")
  boolean printLab;

  @Option(names = "--jobs", paramLabel = "N", description = "Programs graded at once on the one engine "
      + "(default: ${DEFAULT-VALUE}).")
  int jobs = 2;

  @Option(names = "--engines", paramLabel = "FILE", description = "Grade over a pool of container engines: one per "
      + "line, its URL (unix:///path/to/docker.sock, or tcp://HOST:PORT tls=CERT-FOLDER), then optionally jobs=N, how "
      + "many students it grades at once (default 1); # starts a comment. Students go to engines as their jobs free "
      + "up, each graded on one; an engine lost mid-grade has its students graded again on the others.")
  Path engines;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the grades (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("grades");

  @Option(names = "--resume", description = "Skip students already finished in DIR (those with a "
      + "results.json without kit errors).")
  boolean resume;

  @Option(names = "--repeat", paramLabel = "N", description = "Grade everything N times and report every "
      + "spec whose verdict changed (default: ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(names = "--timescale", paramLabel = "X", description = "Multiply every wait by X (default: "
      + "${DEFAULT-VALUE}); 2 on a busy machine.")
  double timescale = 1.0;

  @Option(names = "--capture", paramLabel = "DIR", description = "Keep each spec's packet capture as "
      + "DIR/STUDENT/PROGRAM/SPEC-ID.pcap (it opens in Wireshark and tcpdump -r).")
  Path capture;

  @Mixin
  SandboxOption sandbox;

  @Override
  public Integer call() {
    CliContext context = root.context();
    PrintWriter stdout = context.out();
    if (printLab) {
      stdout.print(LabManifest.defaultText());
      stdout.flush();
      return ExitStatus.PASSED;
    }
    LabManifest manifest;
    List<Path> todo;
    int skipped;
    List<EngineLine> pool;
    try {
      sandbox.apply(context);
      validate();
      pool = engines == null ? null : EnginesFile.read(engines);
      if (capture != null) {
        CaptureFolder.check(capture);
      }
      manifest = lab == null ? LabManifest.defaults() : LabManifest.read(lab);
      List<Path> students = ClassGrader.students(submissions);
      if (students.isEmpty()) {
        throw new IllegalArgumentException("no student folder in " + submissions + ": it must hold one folder "
            + "per student, each with their programs (" + String.join(", ", manifest.programs().keySet()) + ").");
      }
      todo = students.stream().filter(s -> !resume || !Resume.isFinished(out, s.getFileName().toString())).toList();
      skipped = students.size() - todo.size();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (!todo.isEmpty() && pool == null) {
      // Also sweeps what a killed grader left running (Engine's leftover sweep, on first contact).
      context.engine().require();
      // Each job's specs run side by side too; a job per lane keeps both cores busy through the waits.
      context.engine().allowAtOnce(jobs);
    }
    if (pool != null) {
      pool.stream().filter(line -> line.address().plainTcp()).forEach(line -> context.err().println("sockspec: note: "
          + line.name() + " is reached without TLS: whoever reaches its port drives that machine as root. Give its "
          + "line tls=CERT-FOLDER, or reach it through an SSH tunnel to a local socket (docs/scaling.md)."));
    }
    ProgramGrader programs = new ProgramGrader(context.runner(), manifest, timescale, capture,
        budget == null ? null : java.time.Duration.ofSeconds(budget));
    // The pool's engines are reached, and their images made present, by the pool as it starts.
    Schedule schedule = pool == null ? new ProgramsAtOnce(programs, manifest, jobs)
        : new EnginePool(context.engine().pool(pool), programs);
    ClassGrader grader = new ClassGrader(schedule, manifest, out, KitVersion.get());
    Map<String, Map<String, Verdict>> first = round(context, grader, todo, skipped, true);
    if (todo.isEmpty()) {
      grader.writeClass();
    }
    long kitErrors = first.values().stream().flatMap(row -> row.values().stream())
        .filter(v -> v == Verdict.KIT_ERROR).count();
    stdout.println("Graded " + first.size() + (first.size() == 1 ? " student" : " students") + " into " + out
        + ": grades.csv, report.html, and per student report.md and results.json.");
    List<String> flakes = new ArrayList<>();
    for (int round = 2; round <= repeat; round++) {
      context.err().println("Round " + round + " of " + repeat + " (--repeat): grading again, comparing verdicts.");
      flakes.addAll(FlakeReport.changes(first, round(context, grader, todo, 0, false), round));
    }
    if (repeat > 1) {
      stdout.println(FlakeReport.render(flakes, repeat));
    }
    stdout.flush();
    if (kitErrors > 0) {
      context.err().println("sockspec: the kit could not judge " + kitErrors + " spec(s) (not a verdict on any "
          + "student): run the same command again with --resume to grade those students again.");
      context.err().flush();
      return ExitStatus.CANNOT_RUN;
    }
    return flakes.isEmpty() ? ExitStatus.PASSED : ExitStatus.FAILED;
  }

  private void validate() {
    if (submissions == null) {
      throw new IllegalArgumentException("no SUBMISSIONS folder given: say which folder holds the students' "
          + "folders, or use --print-lab.");
    }
    if (!Files.isDirectory(submissions)) {
      throw new IllegalArgumentException("'" + submissions + "' is not a folder: give the folder that holds "
          + "one folder per student.");
    }
    if (jobs < 1 || jobs > 64) {
      throw new IllegalArgumentException("--jobs must be from 1 to 64, got " + jobs + ".");
    }
    if (repeat < 1 || repeat > 100) {
      throw new IllegalArgumentException("--repeat must be from 1 to 100, got " + repeat + ".");
    }
    if (!(timescale > 0 && timescale <= 100)) {
      throw new IllegalArgumentException("--timescale must be more than 0 and at most 100, got " + timescale + ".");
    }
    if (engines != null && Sandboxes.Type.ofRun() == Sandboxes.Type.PROCESS) {
      throw new IllegalArgumentException("--engines grades on container engines; it does not go with --sandbox "
          + "process.");
    }
    if (engines != null && spec.commandLine().getParseResult().hasMatchedOption("--jobs")) {
      throw new IllegalArgumentException("--jobs is for the one engine; with --engines, each engine's line says how "
          + "many students it grades at once (jobs=N).");
    }
    if (Objects.equals(out.toAbsolutePath().normalize(), submissions.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--out must not be the SUBMISSIONS folder itself.");
    }
  }

  /** One round of grading {@code todo}, with its own progress (and files, when {@code write}). */
  private static Map<String, Map<String, Verdict>> round(CliContext context, ClassGrader grader, List<Path> todo,
      int skipped, boolean write) {
    Progress progress = new Progress(context.err(), context.colour());
    progress.start(todo.size(), skipped);
    try {
      return grader.grade(todo, progress, write);
    } finally {
      progress.end();
    }
  }
}
