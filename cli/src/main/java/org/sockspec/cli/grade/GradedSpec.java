package org.sockspec.cli.grade;

import org.sockspec.cli.report.SpecResult;

/**
 * One spec of one program of one student, graded: the spec's result (as {@code check} reports it),
 * the verdict read from it, and the points it earns.
 *
 * @param column the program and spec
 * @param reason the verdict's detail ("memory limit", "status 1"), possibly empty
 */
public record GradedSpec(LabManifest.Column column, SpecResult result, Verdict verdict, String reason,
    double points, double maxPoints, boolean hidden) {

  /** "hit a limit (memory limit)": the verdict with its reason. */
  public String verdictText() {
    return reason.isEmpty() ? verdict.label() : verdict.label() + " (" + reason + ")";
  }
}
