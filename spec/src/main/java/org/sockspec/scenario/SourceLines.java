package org.sockspec.scenario;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a scenario, its keys and its steps are in a file's text, for messages ("lab.toml:42"): a
 * TOML reader gives the tree, not the lines. Found as an instructor writes scenarios (a
 * {@code [[scenarios]]} header each, one step an inline table on a line of its own); where a line
 * cannot be found, the scenario's header line is said.
 */
final class SourceLines {
  private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\[\\s*scenarios\\s*]]\\s*(#.*)?$");
  private static final Pattern ANY_HEADER = Pattern.compile("^\\s*\\[.*");
  private final List<String> lines;

  SourceLines(String text) {
    this.lines = text.lines().toList();
  }

  /** The line (from 1) of the {@code index}-th {@code [[scenarios]]} header (from 0); 0 when not found. */
  int scenario(int index) {
    int seen = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (HEADER.matcher(lines.get(i)).matches() && ++seen == index) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The line of key {@code key} in the {@code index}-th scenario; its header's when not found. */
  int key(int index, String key) {
    int header = scenario(index);
    Pattern written = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=.*");
    for (int i = header; i > 0 && i < lines.size() && !isHeader(i); i++) {
      if (written.matcher(lines.get(i)).matches()) {
        return i + 1;
      }
    }
    return header;
  }

  /** The line of step {@code step} (from 0) of the {@code index}-th scenario; the steps key's when not found. */
  int step(int index, int step) {
    int steps = key(index, "steps");
    int seen = -1;
    for (int i = steps - 1; i >= 0 && i < lines.size() && (i == steps - 1 || !isHeader(i)); i++) {
      String line = lines.get(i);
      String body = i == steps - 1 ? line.substring(Math.max(0, line.indexOf('[') + 1)) : line;
      if (body.trim().startsWith("{") && ++seen == step) {
        return i + 1;
      }
    }
    return steps;
  }

  private boolean isHeader(int i) {
    return ANY_HEADER.matcher(lines.get(i)).matches();
  }

  /** The line of a top-level key (before any table header); 1 when not found. */
  int lineOfTopKey(String key) {
    Pattern written = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=.*");
    for (int i = 0; i < lines.size() && !isHeader(i); i++) {
      if (written.matcher(lines.get(i)).matches()) {
        return i + 1;
      }
    }
    return 1;
  }
}
