package org.sockspec.cli.report;

import java.util.Locale;

/** Text helpers every reporter shares. */
public final class Texts {
  private Texts() {}

  /**
   * The text with control characters shown as escapes ({@code \x1b}), keeping newlines and tabs.
   * A program's output is shown to a person and written into XML: a raw escape sequence could
   * repaint their terminal, and most control characters are not allowed in XML at all.
   */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    String unified = text.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(unified.length());
    for (int i = 0; i < unified.length(); i++) {
      char c = unified.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      if (c == '\ufffe' || c == '\uffff') {
        out.append('\ufffd'); // noncharacters: not allowed in XML
      } else if (control) {
        out.append(c == '\r' ? "\\r" : String.format(Locale.ROOT, "\\x%02x", (int) c & 0xff));
      } else if (Character.isSurrogate(c) && !validPair(unified, i)) {
        out.append('\ufffd');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** {@link #printable} on one line: newlines and tabs shown as escapes too (a file name may hold them). */
  public static String oneLine(String text) {
    return printable(text).replace("\n", "\\n").replace("\t", "\\t");
  }

  /** A duration for people: "812 ms", "4.2 s". */
  public static String duration(long millis) {
    return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Seconds with three decimals, as JUnit XML's time attributes want. */
  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Every line of {@code text} prefixed with {@code indent}. */
  public static String indent(String text, String indent) {
    return indent + text.stripTrailing().replace("\n", "\n" + indent);
  }

  /** The first line of a message, for one-line places (a table cell, an XML attribute). */
  public static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
