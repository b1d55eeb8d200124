package org.sockspec.bench;

import java.nio.charset.StandardCharsets;

/** Shows bytes the way a student can read them: as Python would print them, and in hex. */
public final class Bytes {
  private Bytes() {}

  /** {@code b'Message received'} style, non-printable bytes escaped, as Python prints bytes. */
  public static String show(byte[] bytes) {
    StringBuilder out = new StringBuilder("b'");
    for (byte value : bytes) {
      int b = value & 0xff;
      switch (b) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
      }
    }
    return out.append('\'').toString();
  }

  /** Hex, space separated, for the byte-exact view. */
  public static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i]));
    }
    return out.toString();
  }

  /** Both views, shortened past {@code limit} bytes. */
  public static String describe(byte[] bytes) {
    int limit = 120;
    byte[] shown = bytes.length > limit ? java.util.Arrays.copyOf(bytes, limit) : bytes;
    String more = bytes.length > limit ? " ... (" + bytes.length + " bytes in all)" : "";
    return show(shown) + more + " [" + bytes.length + " bytes: " + hex(shown) + (more.isEmpty() ? "" : " ...") + "]";
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
