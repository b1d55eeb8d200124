package org.sockspec.cli.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a class's students are spread over the workers that grade them: {@link ProgramsAtOnce} on
 * the run's one sandbox, or an {@link EnginePool}.
 */
interface Schedule {
  /**
   * Grades every student of {@code students} (their folders), handing each one's grade to
   * {@code finished} exactly once, from whichever thread graded them, and telling {@code progress}
   * what the schedule itself goes through.
   *
   * @throws org.sockspec.bench.EngineUnavailableException when no spec can run anywhere any more:
   *     the grading stops, and the students not finished are graded by a later {@code --resume}
   */
  void run(List<Path> students, Progress progress, Consumer<StudentGrade> finished);
}
