package org.sockspec.probe.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A request on the wire: {@code ID VERB ARG...}, space separated, one line. Each argument is a
 * component of the request's record, in order: numbers as digits, byte strings in base64 (so any
 * payload, non-UTF-8 bytes and newlines included, fits on the line; {@code -} for none), texts
 * with space, newline, carriage return and {@code %} escaped as {@code %20 %0A %0D %25} (an empty
 * text is {@code %}). A trailing component that is null is left out.
 *
 * @param id the request's number, which its answer line repeats
 */
public record RequestLine(String id, ProbeRequest request) {
  private static final String EMPTY_BYTES = "-";
  private static final String EMPTY_TEXT = "%";

  /** The line, without its newline. */
  public String write() {
    StringBuilder line = new StringBuilder(id).append(' ').append(Verb.of(request).wire());
    List<String> args = new ArrayList<>();
    for (RecordComponent component : request.getClass().getRecordComponents()) {
      Object value = value(component);
      args.add(value == null ? null : encode(value));
    }
    while (!args.isEmpty() && args.get(args.size() - 1) == null) {
      args.remove(args.size() - 1);
    }
    if (args.contains(null)) {
      throw new IllegalArgumentException(Verb.of(request) + ": only trailing arguments may be left out");
    }
    args.forEach(arg -> line.append(' ').append(arg));
    return line.toString();
  }

  /** Reads a line; an {@link IllegalArgumentException} saying what is wrong with it. */
  public static RequestLine read(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length < 2) {
      throw new IllegalArgumentException("a request is 'ID VERB ARG...', got: " + line);
    }
    Verb verb = Verb.ofWire(parts[1]);
    RecordComponent[] components = verb.request().getRecordComponents();
    if (parts.length - 2 > components.length) {
      throw new IllegalArgumentException(verb + " takes " + components.length + " arguments, got " + (parts.length - 2));
    }
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (i + 2 < parts.length) {
        values[i] = decode(verb, components[i], parts[i + 2]);
      } else if (types[i].isPrimitive() || types[i] == String.class || types[i] == Protocol.class) {
        throw new IllegalArgumentException(verb + " needs argument " + (i + 1) + " (" + components[i].getName() + ")");
      }
    }
    try {
      return new RequestLine(parts[0], verb.request().getDeclaredConstructor(types).newInstance(values));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + verb + " from " + line, e);
    }
  }

  private static String unescape(String arg) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '%' && i + 2 < arg.length()) {
        text.append((char) Integer.parseInt(arg.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private Object value(RecordComponent component) {
    try {
      return component.getAccessor().invoke(request);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + request, e);
    }
  }

  private static String encode(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.length == 0 ? EMPTY_BYTES : Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Protocol protocol) {
      return protocol.wire();
    }
    if (value instanceof String text) {
      return text.isEmpty() ? EMPTY_TEXT : text.replace("%", "%25").replace(" ", "%20").replace("\n", "%0A")
          .replace("\r", "%0D");
    }
    return value.toString();
  }

  private static Object decode(Verb verb, RecordComponent component, String arg) {
    Class<?> type = component.getType();
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(arg);
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(arg);
      }
      if (type == byte[].class) {
        return arg.equals(EMPTY_BYTES) ? new byte[0] : Base64.getDecoder().decode(arg);
      }
      if (type == Protocol.class) {
        return Protocol.of(arg);
      }
      return arg.equals(EMPTY_TEXT) ? "" : unescape(arg);
    } catch (IllegalArgumentException e) {
      String wanted = type == byte[].class ? "base64" : type == Protocol.class ? "tcp or udp" : "a number";
      throw new IllegalArgumentException(verb + " argument " + component.getName() + " is not " + wanted + ": " + arg);
    }
  }
}
