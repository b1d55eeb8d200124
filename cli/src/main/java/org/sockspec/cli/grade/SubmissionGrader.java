package org.sockspec.cli.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.sockspec.cli.SpecRunner;

/**
 * Grades one student's submission, as an autograding platform hands it over (the student's files
 * in one folder): every program of the manifest, one after another, exactly as {@code grade}
 * grades a student of a class.
 */
public final class SubmissionGrader {
  private final ProgramGrader programs;
  private final LabManifest manifest;

  public SubmissionGrader(SpecRunner runner, LabManifest manifest, double timescale) {
    this(runner, manifest, timescale, null);
  }

  /** {@code budget}: the time the submission's whole grading may take (null: unbounded). */
  public SubmissionGrader(SpecRunner runner, LabManifest manifest, double timescale, java.time.Duration budget) {
    this(runner, manifest, timescale, budget, null);
  }

  /** As above, each spec's packet capture kept under {@code captures} (null: none kept). */
  public SubmissionGrader(SpecRunner runner, LabManifest manifest, double timescale, java.time.Duration budget,
      Path captures) {
    this.programs = new ProgramGrader(runner, manifest, timescale, captures, budget);
    this.manifest = manifest;
  }

  /**
   * The folder that holds the student's programs: {@code submission} itself, or, when it holds none
   * of the manifest's files and exactly one folder, that folder (a submission uploaded as a folder).
   */
  public Path programsFolder(Path submission) {
    if (manifest.programs().keySet().stream().anyMatch(file -> Files.exists(submission.resolve(file)))) {
      return submission;
    }
    try (Stream<Path> entries = Files.list(submission)) {
      List<Path> folders = entries.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)
          && !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("__MACOSX")).toList();
      return folders.size() == 1 ? folders.get(0) : submission;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the submission " + submission + ": " + e.getMessage(), e);
    }
  }

  /** Every program of the manifest in {@code folder}, graded, as {@code student}'s. */
  public StudentGrade grade(String student, Path folder) {
    return programs.gradeStudent(student, folder, Placement.RUN_SANDBOX);
  }
}
