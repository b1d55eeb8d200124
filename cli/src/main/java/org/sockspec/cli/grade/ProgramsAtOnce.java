package org.sockspec.cli.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The schedule of {@code grade --jobs N} on the run's one sandbox: every (student, program) of the
 * manifest is one job, {@code jobs} of them run at once, queued student by student so that students
 * finish in order. A student is finished when their last program is.
 */
final class ProgramsAtOnce implements Schedule {
  private final ProgramGrader programs;
  private final LabManifest manifest;
  private final int jobs;

  ProgramsAtOnce(ProgramGrader programs, LabManifest manifest, int jobs) {
    this.programs = programs;
    this.manifest = manifest;
    this.jobs = jobs;
  }

  @Override
  public void run(List<Path> students, Progress progress, Consumer<StudentGrade> finished) {
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
        // The student's grading budget, from their first program taken up (not from queueing).
        AtomicReference<GradingBudget> time = new AtomicReference<>();
        manifest.programs().forEach((file, program) -> pool.execute(() -> {
          if (fatal.get() != null) {
            return;
          }
          try {
            start.compareAndSet(0, System.nanoTime());
            time.compareAndSet(null, programs.newBudget());
            byFile.put(file, programs.grade(folder, program, Placement.RUN_SANDBOX, time.get()));
            if (left.decrementAndGet() == 0) {
              List<GradedSpec> all = new ArrayList<>();
              manifest.programs().keySet().forEach(name -> all.addAll(byFile.get(name)));
              finished.accept(StudentGrade.of(student, folder, all, (System.nanoTime() - start.get()) / 1_000_000));
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
}
