package org.sockspec.cli;

import java.util.List;
import java.util.Map;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LeftOut;
import org.sockspec.spec.SpecInfo;

/**
 * One run to make: the target as JUnit configuration parameters (see
 * {@link org.sockspec.spec.TargetConfig}), the specs to report on in catalogue order, and how to
 * count them.
 *
 * @param target the target as the user named it, for the reports
 * @param leftOut what the copy of the program's folder left out, for the reports
 */
public record RunRequest(Kind kind, String target, Map<String, String> parameters, List<SpecInfo> plan,
    boolean strict, List<LeftOut> leftOut) {
  public RunRequest {
    parameters = Map.copyOf(parameters);
    plan = List.copyOf(plan);
    leftOut = List.copyOf(leftOut);
  }

  /** A run whose target's copy left nothing out (a reference program, say). */
  public RunRequest(Kind kind, String target, Map<String, String> parameters, List<SpecInfo> plan, boolean strict) {
    this(kind, target, parameters, plan, strict, List.of());
  }
}
