package org.sockspec.cli.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --resume} skips: a student whose results.json exists (written last, atomically, so
 * it is whole) and holds no kit error. A student the kit could not fully judge is graded again.
 */
final class Resume {
  private Resume() {}

  static boolean isFinished(Path out, String student) {
    Path results = out.resolve(student).resolve(ClassGrader.RESULTS);
    if (!Files.isRegularFile(results)) {
      return false;
    }
    try {
      return GradescopeResults.read(results).kitErrors() == 0;
    } catch (IOException | RuntimeException e) {
      return false; // unreadable: not finished, graded again
    }
  }
}
