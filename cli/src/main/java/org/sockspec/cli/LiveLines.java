package org.sockspec.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Style;
import org.sockspec.cli.report.TextReporter;
import org.sockspec.spec.SpecInfo;

/**
 * Prints each spec's line as it ends, the same line the text report has. On a terminal the
 * running spec's id shows while it runs, and is replaced by its result.
 */
final class LiveLines implements SpecListener {
  private final PrintWriter out;
  private final TextReporter text;
  private final Style style;
  private final int idWidth;
  private final boolean strict;

  LiveLines(PrintWriter out, Style style, List<SpecInfo> plan, boolean strict) {
    this.out = out;
    this.text = new TextReporter(style);
    this.style = style;
    this.idWidth = TextReporter.idWidth(plan.stream().map(SpecInfo::id).toList());
    this.strict = strict;
  }

  @Override
  public void started(SpecInfo spec) {
    if (style.isOn()) {
      out.print("  " + style.dim("run  ") + "  " + spec.id());
      out.flush();
    }
  }

  @Override
  public void finished(SpecResult result) {
    if (style.isOn()) {
      out.print("\r\u001b[K"); // back to the line's start, erase it: the result takes its place
    }
    out.print(text.line(result, strict, idWidth));
    out.flush();
  }
}
