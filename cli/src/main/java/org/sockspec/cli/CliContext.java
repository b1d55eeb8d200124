package org.sockspec.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What the commands work with: where they print, what runs the specs, what checks the engine, and
 * whether a person reads the output on a terminal. Tests pass their own.
 *
 * @param colour whether standard output is a terminal a person reads (colour, live redrawing)
 */
public record CliContext(PrintWriter out, PrintWriter err, SpecRunner runner, EngineGate engine, boolean colour) {

  /** The real one: standard output and error in UTF-8, the JUnit runner, the kit's engine. */
  public static CliContext system() {
    return new CliContext(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
        new JUnitSpecRunner(), EngineGate.KIT, colourWanted());
  }

  /** Colour only for a person at a terminal: not redirected, NO_COLOR unset, not a dumb terminal. */
  static boolean colourWanted() {
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(System.getenv("TERM"));
  }
}
