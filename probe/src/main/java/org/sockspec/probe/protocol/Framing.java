package org.sockspec.probe.protocol;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a lab's messages are cut on the wire: {@link #RAW}, a message is one send and its answer what
 * arrives for it (the handout's: one {@code recv(1024)} per message); {@link #LINE}, each message and
 * each answer is a line ending in {@code \n}, and the answer rule applies to the line without it.
 */
public enum Framing {
  RAW,
  LINE;

  /** The bytes a message is sent as. */
  public byte[] frame(byte[] message) {
    if (this == RAW) {
      return message.clone();
    }
    byte[] line = Arrays.copyOf(message, message.length + 1);
    line[message.length] = '\n';
    return line;
  }

  /** The message a framed unit carries: a line without its {@code \n} (and a {@code \r} before it). */
  public byte[] unframe(byte[] unit) {
    if (this == RAW || unit.length == 0 || unit[unit.length - 1] != '\n') {
      return unit.clone();
    }
    int end = unit.length - 1;
    if (end > 0 && unit[end - 1] == '\r') {
      end--;
    }
    return Arrays.copyOf(unit, end);
  }

  /** "raw", "line": how options and manifests write it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the valid forms */
  public static Framing parse(String written) {
    for (Framing framing : values()) {
      if (framing.wire().equals(written.trim().toLowerCase(Locale.ROOT))) {
        return framing;
      }
    }
    throw new IllegalArgumentException("unknown framing '" + written + "': say raw (a message is one send, the "
        + "handout's) or line (each message and answer ends in a newline)");
  }
}
