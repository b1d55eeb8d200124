package org.sockspec.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockspec.spec.Cause;

/**
 * A {@link Cause} as reports write it: its kind, then its record's components in order as fields,
 * the facts the kit did not have (null components) left out. One reading for every format, so the
 * JSON report's {@code cause} object and the text reports' cause line say the same.
 */
public final class CauseFields {
  private CauseFields() {}

  /** The cause's fields in order, "kind" first; values are strings, numbers, booleans, lists or nested causes. */
  public static Map<String, Object> of(Cause cause) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", cause.kind());
    for (RecordComponent component : cause.getClass().getRecordComponents()) {
      Object value = value(cause, component);
      if (value != null) {
        fields.put(component.getName(), value instanceof Cause nested ? of(nested)
            : value instanceof List<?> list ? list.stream().map(CauseFields::plain).toList() : plain(value));
      }
    }
    return fields;
  }

  /** The JSON report's {@code cause} object. */
  public static ObjectNode json(Cause cause) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    of(cause).forEach((name, value) -> put(node, name, value));
    return node;
  }

  /** One line for a person: {@code no-answer (who: client A's end; windowMs: 1000; ended: timeout)}. */
  public static String line(Cause cause) {
    List<String> parts = new ArrayList<>();
    of(cause).forEach((name, value) -> {
      if (!name.equals("kind")) {
        parts.add(name + ": " + text(value));
      }
    });
    return cause.kind() + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> nested) {
      StringBuilder out = new StringBuilder(String.valueOf(nested.get("kind")));
      nested.forEach((name, inner) -> {
        if (!"kind".equals(name)) {
          out.append(out.indexOf("(") < 0 ? " (" : "; ").append(name).append(": ").append(text(inner));
        }
      });
      return out.indexOf("(") < 0 ? out.toString() : out.append(')').toString();
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    String line = Texts.oneLine(String.valueOf(value));
    // The text line is for a person; the JSON report keeps every field whole.
    return line.length() <= LONGEST_SHOWN ? line
        : line.substring(0, LONGEST_SHOWN) + "... (" + line.length() + " characters in all; the JSON report has them)";
  }

  /** The longest a field is shown in the text line (a 2048-byte answer would bury the rest). */
  private static final int LONGEST_SHOWN = 160;

  @SuppressWarnings("unchecked")
  private static void put(ObjectNode node, String name, Object value) {
    if (value instanceof Map<?, ?> nested) {
      ObjectNode inner = node.putObject(name);
      ((Map<String, Object>) nested).forEach((key, item) -> put(inner, key, item));
    } else if (value instanceof List<?> list) {
      ArrayNode array = node.putArray(name);
      list.forEach(item -> array.add(String.valueOf(item)));
    } else if (value instanceof Integer n) {
      node.put(name, n);
    } else if (value instanceof Long n) {
      node.put(name, n);
    } else if (value instanceof Boolean b) {
      node.put(name, b);
    } else {
      node.put(name, String.valueOf(value));
    }
  }

  /** Enums as their report names ("program-error"); numbers, booleans and strings as they are. */
  private static Object plain(Object value) {
    return value instanceof Enum<?> || !(value instanceof Number || value instanceof Boolean) ? String.valueOf(value)
        : value;
  }

  private static Object value(Cause cause, RecordComponent component) {
    try {
      return component.getAccessor().invoke(cause);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of cause " + cause.kind(), e);
    }
  }
}
