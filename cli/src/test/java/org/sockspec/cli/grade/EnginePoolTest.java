package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.EngineGate;
import org.sockspec.cli.Main;
import org.sockspec.cli.SpecRunner;
import org.sockspec.cli.pool.EngineLine;
import org.sockspec.cli.pool.PoolEngine;
import org.sockspec.cli.report.RunReport;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.TargetConfig;

/**
 * {@code grade --engines} over engines a test loses and brings back, with a fake runner: who grades
 * whom, what is dropped, and that every student is finished exactly once with the verdicts of a
 * healthy run. Every wait is bounded; none stands in for a condition.
 */
class EnginePoolTest {
  private static final long BOUND_SECONDS = 60;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void studentsGoToWhicheverEngineIsFreeSoASlowEngineDoesNotHoldTheClassBack() throws Exception {
    FakePoolEngine slow = new FakePoolEngine(1, 1);
    FakePoolEngine fast = new FakePoolEngine(2, 1);
    CountDownLatch fastGradedFive = new CountDownLatch(5);
    SpecRunner runner = (request, listener) -> {
      if (engineOf(request).equals(slow.url())) {
        await(fastGradedFive); // slow: its first student takes as long as five on the other engine
      }
      RunReport report = passed(request);
      if (engineOf(request).equals(fast.url()) && isLastRunOfStudent(request)) {
        fastGradedFive.countDown();
      }
      return report;
    };

    assertThat(grade(runner, List.of(slow, fast), classOf(6))).as(err.toString()).isZero();

    assertThat(err.toString()).contains("engine 1 (unix:///run/fake-engine-1.sock): 1 student(s)",
        "engine 2 (unix:///run/fake-engine-2.sock): 5 student(s)");
    assertThat(finishedLines()).hasSize(6);
    assertEveryStudentPassedOnce(6);
    // Where each student was graded, and so whose evidence their limits have, is in their file and the class report.
    GradedOn on = GradescopeResults.read(dir.resolve("grades/s1/results.json")).gradedOn();
    assertThat(on.url()).startsWith("unix:///run/fake-engine-");
    assertThat(on.limitCounters()).isEqualTo(org.sockspec.bench.internal.Engine.LimitCounters.READ_HERE);
    assertThat(Files.readString(dir.resolve("grades/report.html"))).contains("Graded over a pool of engines",
        "engine 1 (unix:///run/fake-engine-1.sock): 1 student; limits evidence: the kernel's counters",
        "engine 2 (unix:///run/fake-engine-2.sock): 5 students;");
  }

  @Test
  void theStudentsOfAnEngineLostMidGradeAreGradedAgainOnTheOthersAndWhatItGaveIsDropped() throws Exception {
    FakePoolEngine steady = new FakePoolEngine(1, 1);
    FakePoolEngine doomed = new FakePoolEngine(2, 1);
    CountDownLatch lost = new CountDownLatch(1);
    SpecRunner runner = (request, listener) -> {
      if (engineOf(request).equals(doomed.url())) {
        doomed.lose();
        lost.countDown();
        return failed(request); // what a bench reports while its engine dies: never to be taken
      }
      await(lost); // the doomed engine has its student in flight before the steady one goes on
      return passed(request);
    };

    assertThat(grade(runner, List.of(steady, doomed), classOf(4))).as(err.toString()).isZero();

    String log = err.toString();
    assertThat(log).containsPattern("engine 2 \\(unix:///run/fake-engine-2\\.sock\\) lost at [0-9:.]+ "
        + "\\(Connection refused\\): its student\\(s\\) in flight, s\\d, are graded again on the others");
    assertThat(log).containsPattern("s\\d is back in the queue: what [0-9.]+ s of grading on engine 2 .* is dropped");
    assertThat(log).contains("engine 1 (unix:///run/fake-engine-1.sock): 4 student(s)", "1 moved to others");
    assertThat(finishedLines()).hasSize(4).allMatch(line -> line.endsWith("on engine 1"));
    assertEveryStudentPassedOnce(4);
  }

  @Test
  void aLostEngineThatAnswersAgainIsSweptAndGradesAgain() throws Exception {
    FakePoolEngine steady = new FakePoolEngine(1, 1);
    FakePoolEngine flaky = new FakePoolEngine(2, 1);
    AtomicBoolean lostOnce = new AtomicBoolean();
    CountDownLatch lost = new CountDownLatch(1);
    CountDownLatch gradedAfterItsReturn = new CountDownLatch(1);
    SpecRunner runner = (request, listener) -> {
      if (engineOf(request).equals(flaky.url())) {
        if (lostOnce.compareAndSet(false, true)) {
          flaky.lose();
          lost.countDown();
          return failed(request);
        }
        RunReport report = passed(request);
        if (isLastRunOfStudent(request)) {
          gradedAfterItsReturn.countDown();
        }
        return report;
      }
      await(lost);
      if (gradedAfterItsReturn.getCount() > 0) {
        flaky.comeBack();
        await(gradedAfterItsReturn); // the steady engine waits until the returned one graded someone
      }
      return passed(request);
    };

    assertThat(grade(runner, List.of(steady, flaky), classOf(5))).as(err.toString()).isZero();

    assertThat(flaky.recoveries()).isEqualTo(1);
    assertThat(err.toString()).contains("engine 2 (unix:///run/fake-engine-2.sock) answers again: "
        + FakePoolEngine.LEFT_BEHIND + " container(s) this run left on it removed, images present; it grades again");
    assertThat(finishedLines()).hasSize(5).anyMatch(line -> line.endsWith("on engine 2"));
    assertEveryStudentPassedOnce(5);
  }

  @Test
  void whenEveryEngineIsLostTheGradingStopsSayingWhyAndResumeFinishesLater() throws Exception {
    FakePoolEngine first = new FakePoolEngine(1, 1);
    FakePoolEngine second = new FakePoolEngine(2, 1);
    AtomicInteger firstStudents = new AtomicInteger();
    SpecRunner dying = (request, listener) -> {
      FakePoolEngine engine = engineOf(request).equals(first.url()) ? first : second;
      boolean newStudent = !isLastRunOfStudent(request);
      if (engine == second || newStudent && engine == first && firstStudents.incrementAndGet() == 2) {
        engine.lose(); // the second engine at once, the first at its second student
        return failed(request);
      }
      return passed(request);
    };
    Path students = classOf(4);

    assertThat(grade(dying, List.of(first, second), students)).isEqualTo(3);

    assertThat(err.toString()).contains("every engine of the pool is lost or unusable", "--resume");
    assertThat(finishedLines()).hasSize(1);
    assertThat(Files.list(dir.resolve("grades")).filter(p -> Files.isRegularFile(p.resolve("results.json"))))
        .hasSize(1);

    assertThat(grade((request, listener) -> passed(request),
        List.of(new FakePoolEngine(1, 1), new FakePoolEngine(2, 1)), students, "--resume")).isZero();
    assertThat(err.toString()).contains("1 already finished");
    assertEveryStudentPassedOnce(4); // over both runs: the one finished before the stop is not graded again
  }

  @Test
  void anEngineThatAnswersButCannotGradeIsSetAsideAndTheOthersGrade() throws Exception {
    FakePoolEngine broken = new FakePoolEngine(1, 1).unusable("the runtime image sockspec-runtime:x is on no engine");
    FakePoolEngine good = new FakePoolEngine(2, 2);

    assertThat(grade((request, listener) -> passed(request), List.of(broken, good), classOf(3))).isZero();

    assertThat(err.toString()).contains("engine 1 (unix:///run/fake-engine-1.sock) cannot grade: the runtime image");
    assertThat(finishedLines()).hasSize(3).allMatch(line -> line.endsWith("on engine 2"));
  }

  @Test
  void jobsAndTheProcessSandboxDoNotGoWithAPoolOfEngines() throws Exception {
    Path students = classOf(1);
    List<PoolEngine> none = List.of();

    assertThat(grade((request, listener) -> passed(request), none, students, "--jobs", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("--jobs is for the one engine", "jobs=N");
    assertThat(grade((request, listener) -> passed(request), none, students, "--sandbox", "process")).isEqualTo(2);
    assertThat(err.toString()).contains("--engines grades on container engines");
  }

  private int grade(SpecRunner runner, List<? extends PoolEngine> engines, Path students, String... more)
      throws IOException {
    Path lab = Files.writeString(dir.resolve("lab.toml"), "title = \"UDP only\"\n[programs]\n\"srv_udp.py\" = \"udp\"\n");
    Path file = Files.writeString(dir.resolve("engines.txt"), "unix:///run/fake-engine-1.sock\n"
        + "unix:///run/fake-engine-2.sock\n");
    EngineGate gate = new EngineGate() {
      @Override
      public void require() {
        throw new AssertionError("a pool's grading must not require the environment's engine");
      }

      @Override
      public List<PoolEngine> pool(List<EngineLine> lines) {
        return List.copyOf(engines);
      }
    };
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), runner, gate, false);
    List<String> args = new java.util.ArrayList<>(List.of("grade", students.toString(), "--lab", lab.toString(),
        "--out", dir.resolve("grades").toString(), "--engines", file.toString()));
    args.addAll(List.of(more));
    return Main.run(context, args.toArray(String[]::new));
  }

  private Path classOf(int size) throws IOException {
    Path students = dir.resolve("class");
    for (int i = 1; i <= size; i++) {
      Files.writeString(Files.createDirectories(students.resolve("s" + i)).resolve("srv_udp.py"), "print('hi')\n");
    }
    return students;
  }

  /** The progress's "[3/6] s2: ..." lines, one per student finished. */
  private List<String> finishedLines() {
    return err.toString().lines().filter(line -> line.matches("\\[\\d+/\\d+] s\\d+: .*")).toList();
  }

  private void assertEveryStudentPassedOnce(int size) throws IOException {
    for (int i = 1; i <= size; i++) {
      GradescopeResults.Row row = GradescopeResults.read(dir.resolve("grades").resolve("s" + i).resolve("results.json"));
      assertThat(row.cells().values()).as("s" + i).allMatch(cell -> cell.verdict() == Verdict.PASSED);
      String student = "s" + i;
      assertThat(finishedLines().stream().filter(line -> line.contains("] " + student + ":"))).as(student).hasSize(1);
    }
  }

  private static String engineOf(org.sockspec.cli.RunRequest request) {
    return request.parameters().get(TargetConfig.ENGINE);
  }

  /** A udp program's specs run in two runs: the first server spec alone, then the rest. */
  private static boolean isLastRunOfStudent(org.sockspec.cli.RunRequest request) {
    return request.plan().size() > 1;
  }

  private static RunReport passed(org.sockspec.cli.RunRequest request) {
    return report(request, request.plan().stream().map(spec -> SpecResult.of(spec, Status.PASSED, "", Map.of(), 1))
        .toList());
  }

  private static RunReport failed(org.sockspec.cli.RunRequest request) {
    return report(request, request.plan().stream().map(spec -> SpecResult.of(spec, Status.FAILED,
        "Expecting the program to bind UDP port 12800, but the bench broke", new Cause.NeverListened(Protocol.UDP,
            12800, 15_000), Map.of(), 1)).toList());
  }

  private static RunReport report(org.sockspec.cli.RunRequest request, List<SpecResult> results) {
    return new RunReport("test", request.kind().id(), request.target(), false, results, 1);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("what the test waits for did not happen within " + BOUND_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
