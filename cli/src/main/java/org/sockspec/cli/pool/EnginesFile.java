package org.sockspec.cli.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockspec.bench.EngineAddress;

/**
 * {@code grade --engines FILE}: one engine per line, its URL as Docker's clients take it
 * ({@code unix:///path/to/docker.sock}, or {@code tcp://HOST:PORT} with {@code tls=CERT-FOLDER}),
 * then optionally {@code jobs=N}, how many students it grades at once (default 1). {@code #} starts
 * a comment; blank lines are skipped.
 */
public final class EnginesFile {
  /** The most students one engine may grade at once, as for {@code --jobs}. */
  public static final int MAX_JOBS = 64;
  private static final Pattern JOBS = Pattern.compile("jobs=(\\S*)");

  private EnginesFile() {}

  /**
   * The engines {@code file} names, in its order.
   *
   * @throws IllegalArgumentException saying which line is wrong and how, or that the file cannot be read
   */
  public static List<EngineLine> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the engines file " + file + " (" + e.getMessage() + "): give a "
          + "file with one engine per line, e.g. unix:///var/run/docker.sock jobs=2.", e);
    }
    return parse(file.toString(), lines);
  }

  /** As {@link #read}, from the lines of {@code source}. */
  static List<EngineLine> parse(String source, List<String> lines) {
    List<EngineLine> engines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).replaceFirst("#.*", "").trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        EngineLine engine = line(engines.size() + 1, text);
        if (!seen.add(engine.address().url().toString())) {
          throw new IllegalArgumentException(engine.address().url() + " is named twice: give each engine one line, "
              + "with jobs=N for how many students it grades at once.");
        }
        engines.add(engine);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (engines.isEmpty()) {
      throw new IllegalArgumentException(source + " names no engine: write one per line, its URL "
          + "(unix:///path/to/docker.sock, or tcp://HOST:PORT tls=CERT-FOLDER) then optionally jobs=N.");
    }
    return engines;
  }

  private static EngineLine line(int number, String text) {
    int jobs = 1;
    boolean jobsGiven = false;
    StringBuilder address = new StringBuilder();
    for (String word : text.split("\\s+")) {
      Matcher matcher = JOBS.matcher(word);
      if (matcher.matches()) {
        if (jobsGiven) {
          throw new IllegalArgumentException("jobs= is given twice.");
        }
        jobs = jobs(matcher.group(1));
        jobsGiven = true;
      } else if (address.length() == 0 || word.startsWith("tls=")) {
        address.append(address.length() == 0 ? "" : " ").append(word);
      } else {
        throw new IllegalArgumentException("'" + word + "' is not understood: a line is an engine's URL, then "
            + "optionally tls=CERT-FOLDER (for a tcp:// engine) and jobs=N.");
      }
    }
    return new EngineLine(number, EngineAddress.parse(address.toString()), jobs);
  }

  private static int jobs(String text) {
    try {
      int jobs = Integer.parseInt(text);
      if (jobs >= 1 && jobs <= MAX_JOBS) {
        return jobs;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("jobs=" + text + ": jobs must be a whole number from 1 to " + MAX_JOBS
        + " (how many students the engine grades at once).");
  }
}
