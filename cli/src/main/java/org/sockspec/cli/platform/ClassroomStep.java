package org.sockspec.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.ExitStatus;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.grade.ClassroomResults;
import org.sockspec.cli.grade.StudentGrade;

/**
 * What the grading step of a GitHub Classroom workflow leaves: the runner result appended to the
 * file {@code $GITHUB_OUTPUT} names ({@code result=BASE64}, as the command-grader runners set theirs,
 * for the reporter to read as {@code <ID>_RESULTS}), a Markdown summary of the failures appended to
 * {@code $GITHUB_STEP_SUMMARY} when it is set, and in the Actions log each test's line and, for each
 * one that lost points, its cause, expected and seen, hint and ladder.
 */
final class ClassroomStep {
  private ClassroomStep() {}

  /**
   * The student's files as they are graded: the repository holds the kit's own folders beside them
   * ({@code .sockspec/} with the kit's jar, {@code .github/}), which are no part of the submission and
   * would only weigh on its copy; so the files are copied to the runner's temporary folder without
   * the entries whose names start with a dot. Links are not followed (the kit's copy says what it
   * leaves out of the copy it makes of this one).
   */
  static Path staged(Path repository) {
    boolean hasDotEntries;
    try (java.util.stream.Stream<Path> entries = Files.list(repository)) {
      hasDotEntries = entries.anyMatch(p -> p.getFileName().toString().startsWith("."));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + repository + ": " + e.getMessage(), e);
    }
    if (!hasDotEntries) {
      return repository;
    }
    try {
      String temp = System.getenv("RUNNER_TEMP");
      Path base = temp == null || temp.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(temp);
      // Named "submission": the report's captures folder is named after it.
      Path staged = Files.createDirectory(Files.createTempDirectory(base, "sockspec-").resolve("submission"));
      Files.walkFileTree(repository, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a)
            throws IOException {
          if (!dir.equals(repository) && dir.getFileName().toString().startsWith(".")) {
            return java.nio.file.FileVisitResult.SKIP_SUBTREE;
          }
          Files.createDirectories(staged.resolve(repository.relativize(dir).toString()));
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
            throws IOException {
          if (a.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
            Files.copy(file, staged.resolve(repository.relativize(file).toString()),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          } else if (a.isSymbolicLink() && !file.getFileName().toString().startsWith(".")) {
            Files.copy(file, staged.resolve(repository.relativize(file).toString()),
                java.nio.file.LinkOption.NOFOLLOW_LINKS); // the link itself: the kit's copy judges it
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
      return staged;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the submission from " + repository + ": " + e.getMessage(), e);
    }
  }

  static int publish(StudentGrade grade, CliContext context, Path results, Path report) {
    String json = ClassroomResults.json(grade, KitVersion.get());
    try {
      String output = System.getenv("GITHUB_OUTPUT");
      if (output != null && !output.isBlank()) {
        Files.writeString(Path.of(output), "result=" + ClassroomResults.encoded(json) + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      String summary = System.getenv("GITHUB_STEP_SUMMARY");
      if (summary != null && !summary.isBlank()) {
        Files.writeString(Path.of(summary), ClassroomResults.markdown(grade), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      if (results != null) {
        Files.writeString(results, json + "\n", StandardCharsets.UTF_8);
      }
      if (report != null) {
        Files.createDirectories(report);
        Files.writeString(report.resolve("report.md"), ClassroomResults.markdown(grade), StandardCharsets.UTF_8);
        Files.writeString(report.resolve("results.json"), json + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the step's result: " + e.getMessage(), e);
    }
    context.out().print(ClassroomResults.log(grade, KitVersion.get()));
    context.out().flush();
    return ExitStatus.PASSED;
  }
}
