package org.sockspec.cli.report;

/**
 * ANSI colours for text on a terminal, or none: colour only when a person reads a terminal (no
 * redirection, NO_COLOR unset), never in files, pipes or CI logs.
 */
public final class Style {
  public static final Style PLAIN = new Style(false);
  public static final Style COLOUR = new Style(true);
  private final boolean on;

  private Style(boolean on) {
    this.on = on;
  }

  public static Style of(boolean colour) {
    return colour ? COLOUR : PLAIN;
  }

  public boolean isOn() {
    return on;
  }

  public String green(String text) {
    return paint("32", text);
  }

  public String red(String text) {
    return paint("31", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  private String paint(String code, String text) {
    return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
