package org.sockspec.cli.grade;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.internal.EngineWatch;
import org.sockspec.cli.pool.PoolEngine;

/**
 * The schedule of {@code grade --engines FILE}: students are handed to the pool's engines as their
 * jobs free up (one queue every engine takes from: a slow engine never holds the class back), and
 * each student is graded entirely on one engine, program after program.
 *
 * <p>A student's results are taken only when contact with their engine never broke while they were
 * graded (see {@link PoolEngine#interruptions()}) and it still answers at the end. Otherwise they
 * are dropped, whatever they were, and the student goes back to the front of the queue, to be
 * graded again on an engine that answers: so no verdict ever rests on a bench whose engine went away
 * under it, no student is lost, and none is counted twice. An engine lost mid-grade is said so on
 * the progress, with the students it had; when it answers again, the containers this run left on it
 * are removed and it grades again. When every engine is lost at once, the grading stops with the
 * reason: the finished students are written, and {@code --resume} grades the rest later.
 */
final class EnginePool implements Schedule {
  /** A student whose engine broke contact this many times is not tried again: something is wrong beyond one engine. */
  static final int MOST_MOVES = 5;
  /** How long the watch may take to tell an engine that does not answer lost: two failed pings, each bounded. */
  private static final Duration WATCH_VERDICT = Duration.ofSeconds(30);

  private final List<PoolEngine> engines;
  private final ProgramGrader programs;
  // Guarded by this.
  private final Deque<Path> queue = new ArrayDeque<>();
  private final Map<Path, Integer> moves = new HashMap<>();
  private final List<PoolMember> members = new ArrayList<>();
  private int unfinished;
  private String stopped;
  private RuntimeException fatal;
  private Progress progress;

  EnginePool(List<PoolEngine> engines, ProgramGrader programs) {
    this.engines = List.copyOf(engines);
    this.programs = programs;
  }

  @Override
  public void run(List<Path> students, Progress progress, Consumer<StudentGrade> finished) {
    if (students.isEmpty()) {
      return; // every student finished already (--resume): no engine needs reaching
    }
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    synchronized (this) {
      this.progress = progress;
      queue.clear();
      queue.addAll(students);
      moves.clear();
      members.clear();
      unfinished = students.size();
      stopped = null;
      fatal = null;
      engines.forEach(engine -> members.add(new PoolMember(engine)));
    }
    for (PoolMember member : members) {
      threads.add(thread("keeper", member, () -> keep(member)));
      for (int job = 1; job <= member.engine.line().jobs(); job++) {
        threads.add(thread("job " + job, member, () -> work(member, finished)));
      }
    }
    threads.forEach(Thread::start);
    try {
      synchronized (this) {
        while (unfinished > 0 && stopped == null && fatal == null) {
          waitHere();
        }
        // The students still in flight end (bounded: a deadline per spec) before the outcome is told.
        while (members.stream().anyMatch(member -> !member.inFlight.isEmpty())) {
          waitHere();
        }
        notifyAll(); // the keepers end
      }
    } finally {
      engines.forEach(PoolEngine::close);
    }
    summarize(progress, (System.nanoTime() - start) / 1e9);
    synchronized (this) {
      if (fatal != null) {
        throw fatal;
      }
      if (unfinished > 0) {
        throw new EngineUnavailableException(stopped, null);
      }
    }
  }

  /** Prepares the engine, then brings it back each time it answers again after a loss. */
  private void keep(PoolMember member) {
    member.engine.watch(new EngineWatch.Events() {
      @Override
      public void lost(Instant since, String why) {
        lose(member, since, why);
      }

      @Override
      public void answersAgain(Instant at) {
        synchronized (EnginePool.this) {
          if (member.state == PoolMember.State.LOST) {
            member.state = PoolMember.State.RECOVERING;
            EnginePool.this.notifyAll();
          }
        }
      }
    });
    prepare(member, 0);
    while (true) {
      synchronized (this) {
        while (member.state != PoolMember.State.RECOVERING && !over()) {
          waitHere();
        }
        if (over()) {
          return;
        }
      }
      int swept = member.engine.recover();
      prepare(member, swept);
    }
  }

  /** Makes the engine ready to grade; {@code swept}: the containers removed after a loss, 0 the first time. */
  private void prepare(PoolMember member, int swept) {
    String note;
    try {
      note = member.engine.prepare();
    } catch (EngineUnavailableException e) {
      if (member.engine.answers()) {
        synchronized (this) {
          member.state = PoolMember.State.UNUSABLE;
          member.why = "cannot grade: " + e.getMessage();
          tell(member.name() + " " + member.why);
          stopIfAllDown();
          notifyAll();
        }
      } else {
        lose(member, Instant.now(), PoolMember.innermost(e)); // the watch may tell it first: once either way
      }
      return;
    }
    synchronized (this) {
      if (member.state == PoolMember.State.PREPARING || member.state == PoolMember.State.RECOVERING) {
        tell(member.name() + (member.everReady ? " answers again: " + swept + " container(s) this run "
            + "left on it removed, " + note + "; it grades again" : " ready: " + note + ", "
            + member.engine.line().jobs() + " student(s) at once"));
        member.state = PoolMember.State.GRADING;
        member.everReady = true;
        member.why = "";
        notifyAll();
      }
    }
  }

  private void lose(PoolMember member, Instant since, String why) {
    synchronized (this) {
      if (member.down()) {
        return;
      }
      member.state = PoolMember.State.LOST;
      why = member.reason(why);
      member.why = (member.everReady ? "lost at " + Progress.clock(since) + ": " : "does not answer: ") + why;
      Set<String> cost = new LinkedHashSet<>(member.dropped);
      cost.addAll(member.inFlight);
      member.dropped.clear();
      String students = cost.isEmpty() ? "no student in flight"
          : "its student(s) in flight, " + String.join(", ", cost) + ", are graded again on the others";
      tell(member.name() + (member.everReady ? " lost at " + Progress.clock(since) + " (" + why + "): "
          + students : " does not answer (" + why + "): it grades once it answers"));
      stopIfAllDown();
      notifyAll();
    }
  }

  private void stopIfAllDown() {
    if (stopped == null && members.stream().allMatch(PoolMember::down)) {
      stopped = "every engine of the pool is lost or unusable ("
          + members.stream().map(m -> m.name() + " " + m.why).collect(Collectors.joining("; "))
          + "). The students finished so far are written; when an engine answers again, run the same command "
          + "with --resume to grade the rest.";
    }
  }

  /** One job of an engine: takes the next student, grades them there, and hands the grade on or the student back. */
  private void work(PoolMember member, Consumer<StudentGrade> finished) {
    while (true) {
      Path folder;
      synchronized (this) {
        while (!over() && member.state != PoolMember.State.UNUSABLE && (member.state != PoolMember.State.GRADING || queue.isEmpty())) {
          waitHere();
        }
        if (over() || member.state == PoolMember.State.UNUSABLE) {
          return;
        }
        folder = queue.pollFirst();
        member.inFlight.add(student(folder));
      }
      long start = System.nanoTime();
      StudentGrade grade = gradeThere(member, folder);
      if (grade != null) {
        try {
          finished.accept(grade);
        } catch (RuntimeException e) {
          failed(e);
        }
      }
      synchronized (this) {
        member.inFlight.remove(student(folder));
        if (grade != null) {
          member.graded++;
          member.dropped.clear();
          unfinished--;
        } else {
          member.dropped.add(student(folder));
          member.moved++;
          int moved = moves.merge(folder, 1, Integer::sum);
          queue.addFirst(folder);
          tell(String.format(Locale.ROOT, "%s is back in the queue: what %.1f s of grading on %s gave is "
              + "dropped", student(folder), (System.nanoTime() - start) / 1e9, member.name()));
          if (moved >= MOST_MOVES && stopped == null) {
            stopped = student(folder) + " was moved " + moved + " times: contact with every engine that took them "
                + "broke while they were graded. Check the engines (their logs, the network to them), then run the "
                + "same command with --resume.";
          }
        }
        notifyAll();
      }
      if (grade == null) {
        awaitContact(member);
      }
    }
  }

  /**
   * After a student was dropped: no other is taken before the engine answers again, or is told lost
   * (which the watch does within a second of failed pings).
   */
  private void awaitContact(PoolMember member) {
    if (member.engine.answers()) {
      return;
    }
    long deadline = System.nanoTime() + WATCH_VERDICT.toNanos();
    synchronized (this) {
      while (member.state == PoolMember.State.GRADING && !over() && System.nanoTime() < deadline) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("the grading was interrupted", e);
        }
      }
    }
  }

  /** The student's grade on the member's engine; null when it cannot be taken (contact broke meanwhile). */
  private StudentGrade gradeThere(PoolMember member, Path folder) {
    PoolEngine engine = member.engine;
    long mark = engine.interruptions();
    Placement placement = new Placement(engine.line().address(), () -> engine.interruptions() != mark);
    try {
      StudentGrade grade = programs.gradeStudent(student(folder), folder, placement);
      return engine.interruptions() == mark && engine.answers()
          ? grade.on(new GradedOn(engine.line().number(), engine.line().address().url().toString(),
              engine.limitCounters()))
          : null;
    } catch (EngineLostException | EngineUnavailableException e) {
      return null;
    } catch (RuntimeException e) {
      failed(e);
      return null;
    } catch (Error e) {
      // A dead job must not pass for a student with nothing to grade: the grading stops, saying why.
      failed(new IllegalStateException("grading " + student(folder) + " on " + member.name() + " failed: " + e, e));
      return null;
    }
  }

  private synchronized void failed(RuntimeException e) {
    if (fatal == null) {
      fatal = e;
    }
    notifyAll();
  }

  /** Whether no student is to be taken any more: every one finished, or the grading stopped. */
  private boolean over() {
    return unfinished == 0 || stopped != null || fatal != null;
  }

  private void tell(String event) {
    progress.note(event);
  }

  private void summarize(Progress progress, double seconds) {
    List<String> lines;
    synchronized (this) {
      lines = members.stream().map(member -> member.summary(seconds)).toList();
    }
    progress.engines(lines);
  }

  private static String student(Path folder) {
    return folder.getFileName().toString();
  }

  private static Thread thread(String role, PoolMember member, Runnable body) {
    Thread thread = new Thread(body, "sockspec-pool engine " + member.engine.line().number() + " " + role);
    thread.setDaemon(true);
    return thread;
  }

  private void waitHere() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the grading was interrupted", e);
    }
  }
}
