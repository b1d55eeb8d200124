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
import java.util.stream.Stream;
import org.sockspec.bench.EngineUnavailableException;

/**
 * Grades a class, as its {@link Schedule} spreads the students. As soon as a student is graded,
 * their {@code report.md} then {@code results.json} are written (atomically: results.json existing
 * means the student is finished), and the class's {@code grades.csv} and {@code report.html} are
 * rebuilt from every finished student's results.json.
 *
 * <p>Memory stays flat as the class grows: a finished student's results are written and dropped;
 * only their verdicts (a few bytes per spec) are kept, for the flake report.
 */
final class ClassGrader {
  static final String RESULTS = "results.json";

  private final Schedule schedule;
  private final LabManifest manifest;
  private final Path out;
  private final String kit;

  ClassGrader(Schedule schedule, LabManifest manifest, Path out, String kit) {
    this.schedule = schedule;
    this.manifest = manifest;
    this.out = out;
    this.kit = kit;
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

  /**
   * Grades {@code students}; with {@code write}, writes each one's files as they finish. Returns
   * every student's verdict per (program, spec) name.
   *
   * @throws EngineUnavailableException when containers cannot run (the grading stops at once)
   */
  Map<String, Map<String, Verdict>> grade(List<Path> students, Progress progress, boolean write) {
    Map<String, Map<String, Verdict>> verdicts = new ConcurrentHashMap<>();
    try {
      schedule.run(students, progress, grade -> {
        Map<String, Verdict> row = new LinkedHashMap<>();
        grade.specs().forEach(s -> row.put(s.column().name(), s.verdict()));
        verdicts.put(grade.student(), row);
        if (write) {
          writeStudent(grade);
        }
        progress.finished(grade);
      });
    } catch (EngineUnavailableException e) {
      if (write) {
        writeClass(); // the grading stopped: the class files still show every student finished
      }
      throw e;
    }
    if (write) {
      writeClass();
    }
    return verdicts;
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
