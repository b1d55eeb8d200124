package org.sockspec.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The durations a scenario writes: {@code "500ms"}, {@code "1s"}, {@code "1.5 s"}; at most two minutes. */
final class Durations {
  private Durations() {}

  static final String FORMS = "a duration such as \"500ms\", \"1s\" or \"1.5 s\" (at most 120 s)";
  private static final Pattern WRITTEN = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");
  static final Duration MAX = Duration.ofSeconds(120);

  /** @throws IllegalArgumentException saying the valid forms */
  static Duration parse(String written) {
    Matcher m = WRITTEN.matcher(written.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + written + "' is not a duration: write " + FORMS);
    }
    double value = Double.parseDouble(m.group(1));
    long ms = Math.round(m.group(2).equals("ms") ? value : value * 1000);
    if (ms <= 0 || ms > MAX.toMillis()) {
      throw new IllegalArgumentException("'" + written + "' is out of range: write " + FORMS);
    }
    return Duration.ofMillis(ms);
  }
}
