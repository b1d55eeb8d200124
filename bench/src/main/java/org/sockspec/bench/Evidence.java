package org.sockspec.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named pieces of evidence a spec shows a student (transcript, socket table, processes, the
 * program's output, observations), in the order they were added. Reports print them all; the JSON
 * report carries them as the result's {@code evidence} object.
 */
public final class Evidence {
  private final Map<String, String> items = new LinkedHashMap<>();

  public Evidence put(String name, String value) {
    items.put(name, value);
    return this;
  }

  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(items);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public Evidence merge(Evidence other) {
    items.putAll(other.items);
    return this;
  }
}
