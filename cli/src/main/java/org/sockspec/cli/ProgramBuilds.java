package org.sockspec.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sockspec.bench.BuildResult;
import org.sockspec.bench.Builds;
import org.sockspec.bench.Target;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.BuildVerdict;
import org.sockspec.spec.Cause;
import org.sockspec.spec.SpecInfo;
import org.sockspec.spec.TargetConfig;

/**
 * A program's build, before its specs run: once (see {@link Builds}; the specs then find it done),
 * so that the report can show what the compiler said once, and a program that does not build is
 * judged without a lane per spec.
 */
public final class ProgramBuilds {
  private ProgramBuilds() {}

  /**
   * The build of the program the parameters name; empty when it is not built.
   *
   * @throws org.sockspec.bench.EngineUnavailableException when there is no sandbox to build in
   */
  public static Optional<BuildResult> of(Map<String, String> parameters) {
    return of(parameters, java.time.Duration.ofDays(1));
  }

  /** As {@link #of(Map)}, a build run now bounded by {@code wall} too (what is left of a grading budget). */
  public static Optional<BuildResult> of(Map<String, String> parameters, java.time.Duration wall) {
    TargetConfig config = TargetConfig.from(key -> Optional.ofNullable(parameters.get(key)));
    Target target = config.target();
    if (target.build().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Builds.of(target, config.sandbox(), config.engine(), wall));
  }

  /** {@code spec}'s result when the program does not build: failed, for the build, without running. */
  public static SpecResult failed(SpecInfo spec, BuildResult build) {
    List<String> lines = build.log().lines().toList();
    String shown = String.join("\n", lines.subList(0, Math.min(lines.size(), OUTPUT_SHOWN)))
        + (lines.size() > OUTPUT_SHOWN ? "\n[" + (lines.size() - OUTPUT_SHOWN) + " more lines]" : "");
    return new SpecResult(spec.id(), spec.level(), spec.question(), spec.summary(),
        "build it yourself with " + build.build().command() + " and fix what it says first: no spec can run before it builds.",
        Status.FAILED, BuildVerdict.sentence(build), new Cause.BuildFailed(build.build().command(), build.status(),
            build.stoppedBy(), build.errors()), Map.of("build output", shown.isBlank() ? "(the build printed nothing)" : shown), 0);
  }

  /** The most lines of a failed build's output a result carries (the JSON report's build has them all). */
  static final int OUTPUT_SHOWN = 40;
}
