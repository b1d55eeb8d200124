package org.sockspec.cli.report;

import java.io.PrintWriter;
import java.util.List;

/**
 * Renders finished runs in one format. Every format renders the same {@link RunReport}s, so one
 * run can be reported in any of them (after JUnit's ConsoleLauncher, whose reports are listeners
 * over one execution).
 */
public interface Reporter {
  /** One run: what {@code sockspec check} prints. */
  void render(RunReport report, PrintWriter out);

  /** Several runs (the demo: one per reference program); by default one after the other. */
  default void renderAll(List<RunReport> reports, PrintWriter out) {
    reports.forEach(report -> render(report, out));
  }
}
