package org.sockspec.probe;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One line of the probe protocol, {@code ID VERB ARG...}, space separated. Byte strings travel in
 * base64 so that any payload, including non-UTF-8 bytes and newlines, fits on one line.
 */
record Request(String id, String verb, List<String> args) {

  static Request parse(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length < 2) {
      throw new ProbeException("a request is 'ID VERB ARG...', got: " + line);
    }
    return new Request(parts[0], parts[1], Arrays.asList(parts).subList(2, parts.length));
  }

  String text(int index) {
    if (index >= args.size()) {
      throw new ProbeException(verb + " needs argument " + (index + 1));
    }
    return args.get(index);
  }

  int integer(int index) {
    try {
      return Integer.parseInt(text(index));
    } catch (NumberFormatException e) {
      throw new ProbeException(verb + " argument " + (index + 1) + " is not a number: " + text(index));
    }
  }

  int integer(int index, int fallback) {
    return index < args.size() ? integer(index) : fallback;
  }

  byte[] bytes(int index) {
    return Base64.getDecoder().decode(text(index));
  }
}
