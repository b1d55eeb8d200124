package org.sockspec.cli.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.internal.SubmissionCopy;

/**
 * Grades a class: every (student, program) of the manifest is one job, {@code jobs} of them run at
 * once, queued student by student so that students finish in order. As soon as a student's last
 * program is graded, their {@code report.md} then {@code results.json} are written (atomically:
 * results.json existing means the student is finished), and the class's {@code grades.csv} and
 * {@code report.html} are rebuilt from every finished student's results.json.
 *
 * <p>Memory stays flat as the class grows: a finished student's results are written and dropped;
 * only their verdicts (a few bytes per spec) are kept, for the flake report.
 */
final class ClassGrader {
  static final String RESULTS = "results.json";

  private final ProgramGrader programs;
  private final LabManifest manifest;
  private final Path out;
  private final String kit;
  private final int jobs;

  ClassGrader(ProgramGrader programs, LabManifest manifest, Path out, String kit, int jobs) {
    this.programs = programs;
    this.manifest = manifest;
    this.out = out;
    this.kit = kit;
    this.jobs = jobs;
  }

  /** Student folders of {@code submissions}, by name (dot folders and files are not students). */
  static List<Path> students(Path submissions) {
    try (Stream<Path> list = Files.list(submissions)) {
      return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + submissions + ": " + e.getMessage(), e);
    }
  }

  static boolean finished(Path out, String student) {
    return Files.isRegularFile(out.resolve(student).resolve(RESULTS));
  }

  /**
   * Grades {@code students}; with {@code write}, writes each one's files as they finish. Returns
   * every student's verdict per (program, spec) name.
   *
   * @throws EngineUnavailableException when containers cannot run (the grading stops at once)
   */
  Map<String, Map<String, Verdict>> grade(List<Path> students, Progress progress, boolean write) {
    Map<String, Map<String, Verdict>> verdicts = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
      Thread thread = new Thread(runnable, "sockspec-grade");
      thread.setDaemon(true);
      return thread;
    });
    AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    try {
      for (Path folder : students) {
        String student = folder.getFileName().toString();
        Map<String, List<GradedSpec>> byFile = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(manifest.programs().size());
        // From the student's first program taken up, not from queueing: their own grading time.
        AtomicLong start = new AtomicLong();
        manifest.programs().forEach((file, kind) -> pool.execute(() -> {
          if (fatal.get() != null) {
            return;
          }
          try {
            start.compareAndSet(0, System.nanoTime());
            byFile.put(file, programs.grade(folder, file, kind));
            if (left.decrementAndGet() == 0) {
              StudentGrade grade = assemble(folder, student, byFile, (System.nanoTime() - start.get()) / 1_000_000);
              Map<String, Verdict> row = new LinkedHashMap<>();
              grade.specs().forEach(s -> row.put(s.column().name(), s.verdict()));
              verdicts.put(student, row);
              if (write) {
                writeStudent(grade);
              }
              progress.finished(grade);
            }
          } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
          } catch (Error e) {
            // A dead job must not pass for a student with nothing to grade: the grading stops, saying why.
            fatal.compareAndSet(null, new IllegalStateException("grading " + student + "'s " + file + " failed: " + e, e));
          }
        }));
      }
    } finally {
      pool.shutdown();
    }
    awaitAll(pool);
    if (fatal.get() != null) {
      throw fatal.get();
    }
    if (write) {
      writeClass();
    }
    return verdicts;
  }

  private static void awaitAll(ExecutorService pool) {
    try {
      // Every job is bounded (a deadline per spec), so this ends; the bound only guards a bug.
      if (!pool.awaitTermination(7, TimeUnit.DAYS)) {
        throw new IllegalStateException("the grading did not end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      throw new IllegalStateException("the grading was interrupted", e);
    }
  }

  /** What the copy of the student's folder leaves out; a folder that cannot be read leaves out nothing it copies. */
  private static List<LeftOut> leftOut(Path folder) {
    try {
      return SubmissionCopy.leftOut(folder);
    } catch (RuntimeException e) {
      return List.of(); // every program of the folder is already graded "cannot be graded", saying why
    }
  }

  private StudentGrade assemble(Path folder, String student, Map<String, List<GradedSpec>> byFile, long ms) {
    List<GradedSpec> all = new ArrayList<>();
    manifest.programs().keySet().forEach(file -> all.addAll(byFile.get(file)));
    return new StudentGrade(student, all, ms, leftOut(folder));
  }

  private void writeStudent(StudentGrade grade) {
    Path dir = out.resolve(grade.student());
    AtomicFiles.write(dir.resolve("report.md"), StudentReport.render(grade, manifest, kit));
    AtomicFiles.write(dir.resolve(RESULTS), GradescopeResults.render(grade, kit));
    writeClass();
  }

  /** grades.csv and report.html from every finished student on disk (this run's and earlier ones'). */
  synchronized void writeClass() {
    List<GradescopeResults.Row> rows = new ArrayList<>();
    if (Files.isDirectory(out)) {
      for (Path dir : students(out)) {
        Path results = dir.resolve(RESULTS);
        if (Files.isRegularFile(results)) {
          try {
            rows.add(GradescopeResults.read(results));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results + ": " + e.getMessage(), e);
          }
        }
      }
    }
    List<LabManifest.Column> columns = manifest.columns();
    AtomicFiles.write(out.resolve("grades.csv"), GradesCsv.render(columns, rows));
    AtomicFiles.write(out.resolve("report.html"), HtmlReport.render(manifest, kit, columns, rows));
  }
}
