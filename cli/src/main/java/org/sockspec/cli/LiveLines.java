package org.sockspec.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Style;
import org.sockspec.cli.report.TextReporter;
import org.sockspec.spec.SpecInfo;

/**
 * Prints each spec's line as soon as it and every spec before it in the plan have ended: the same
 * lines, in the same order, as the text report, though specs run side by side and end in any order.
 * On a terminal the first spec still running shows its id until its line replaces it.
 */
final class LiveLines implements SpecListener {
  private final PrintWriter out;
  private final TextReporter text;
  private final Style style;
  private final int idWidth;
  private final boolean strict;
  private final List<SpecInfo> plan;
  private final Map<String, SpecResult> ended = new HashMap<>();
  private final Set<String> running = new HashSet<>();
  private int next;
  private boolean showingRunning;

  LiveLines(PrintWriter out, TextReporter text, List<SpecInfo> plan, boolean strict) {
    this.out = out;
    this.text = text;
    this.style = text.style();
    this.idWidth = TextReporter.idWidth(plan.stream().map(SpecInfo::id).toList());
    this.strict = strict;
    this.plan = List.copyOf(plan);
  }

  @Override
  public synchronized void started(SpecInfo spec) {
    running.add(spec.id());
    redraw();
  }

  @Override
  public synchronized void finished(SpecResult result) {
    ended.put(result.id(), result);
    redraw();
  }

  private void redraw() {
    if (showingRunning) {
      out.print("\r\u001b[K"); // back to the line's start, erase it: a result takes its place
      showingRunning = false;
    }
    while (next < plan.size() && ended.containsKey(plan.get(next).id())) {
      out.print(text.line(ended.get(plan.get(next).id()), strict, idWidth));
      next++;
    }
    if (style.isOn() && next < plan.size() && running.contains(plan.get(next).id())) {
      out.print("  " + style.dim("run  ") + "  " + plan.get(next).id());
      showingRunning = true;
    }
    out.flush();
  }
}
