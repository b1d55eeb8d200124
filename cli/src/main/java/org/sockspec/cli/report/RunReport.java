package org.sockspec.cli.report;

import org.sockspec.bench.BuildResult;

import java.util.List;
import org.sockspec.bench.LeftOut;

/**
 * The results of one run of the catalogue against one target, in catalogue order, with what the
 * reports print about the run itself.
 *
 * @param kit the kit's version
 * @param kind the kind the target was checked as ({@code tcp}, {@code udp}, ...)
 * @param target the target as the user named it (a path) or the reference program's name
 * @param strict whether SHOULD specs counted as MUST
 * @param leftOut what the copy of the target's folder left out (links out of it, special files)
 * @param build how the target was built before its specs ran; null for a program that is not built
 */
public record RunReport(String kit, String kind, String target, boolean strict, List<SpecResult> results,
    long durationMs, List<LeftOut> leftOut, BuildResult build) {

  /** What a run says about its target, from its results. */
  public enum Conclusion {
    /** Every spec that counts passed (or did not apply). */
    PASSED,
    /** A spec that counts failed. */
    FAILED,
    /** No spec that counts failed, but the kit could not judge one of them. */
    UNDECIDED
  }

  public RunReport {
    results = List.copyOf(results);
    leftOut = List.copyOf(leftOut);
  }

  /** A run of a program that is not built. */
  public RunReport(String kit, String kind, String target, boolean strict, List<SpecResult> results,
      long durationMs, List<LeftOut> leftOut) {
    this(kit, kind, target, strict, results, durationMs, leftOut, null);
  }

  /** This run, its target built by {@code build} first. */
  public RunReport withBuild(BuildResult build) {
    return new RunReport(kit, kind, target, strict, results, durationMs, leftOut, build);
  }

  /** A run whose target's copy left nothing out. */
  public RunReport(String kit, String kind, String target, boolean strict, List<SpecResult> results,
      long durationMs) {
    this(kit, kind, target, strict, results, durationMs, List.of());
  }

  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** The check's conclusion: what its exit status says. */
  public Conclusion conclusion() {
    if (results.stream().anyMatch(r -> r.failsCheck(strict))) {
      return Conclusion.FAILED;
    }
    if (results.stream().anyMatch(r -> r.leavesCheckUndecided(strict))) {
      return Conclusion.UNDECIDED;
    }
    return Conclusion.PASSED;
  }

  /** The conclusion of several runs together (the demo): the worst of them. */
  public static Conclusion conclusionOf(List<RunReport> runs) {
    return runs.stream().map(RunReport::conclusion)
        .reduce(Conclusion.PASSED, (a, b) -> a == Conclusion.FAILED || b == Conclusion.FAILED ? Conclusion.FAILED
            : a == Conclusion.UNDECIDED || b == Conclusion.UNDECIDED ? Conclusion.UNDECIDED : Conclusion.PASSED);
  }

  /** "2 passed, 1 failed, 0 errors, 3 skipped": the counts every format's summary shows. */
  public String counts() {
    return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed, " + count(Status.ERROR)
        + (count(Status.ERROR) == 1 ? " error, " : " errors, ") + count(Status.SKIPPED) + " skipped";
  }
}
