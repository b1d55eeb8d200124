package org.sockspec.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lab server says it received: the messages of its {@code Received b'...' from ...} lines,
 * the handout's servers' {@code print("Received {0} from client socket {1}: ".format(data, HOST))},
 * in the order printed. The message is read back to bytes from Python's {@code repr} of bytes
 * ({@code b'...'} or {@code b"..."} with {@code \\xhh}, {@code \\n}... escapes); a line that prints
 * the message decoded ({@code Received hello from ...}) is read as UTF-8 text up to
 * {@code " from client socket"}, or to the end of the line.
 *
 * <p>This is the only place the kit can see what a server got out of a datagram (the kernel
 * discards a truncated datagram's rest without a trace), so it relies on the lab's servers
 * printing what they received, as the handout's do.
 */
public final class ReceivedLines {
  private static final String MARK = "Received ";
  private static final String FROM = " from client socket";
  private final List<byte[]> messages;

  private ReceivedLines(List<byte[]> messages) {
    this.messages = List.copyOf(messages);
  }

  /** The {@code Received ...} lines of a program's output, other lines ignored. */
  public static ReceivedLines parse(String output) {
    List<byte[]> messages = new ArrayList<>();
    for (String line : output.split("\r?\n")) {
      int at = line.indexOf(MARK);
      if (at >= 0) {
        messages.add(message(line.substring(at + MARK.length())));
      }
    }
    return new ReceivedLines(messages);
  }

  /** The messages, in the order the server printed them. */
  public List<byte[]> messages() {
    return messages;
  }

  public int size() {
    return messages.size();
  }

  /** Each message as {@link Bytes#describe} shows it, one per line. */
  public String describe() {
    if (messages.isEmpty()) {
      return "(no 'Received ...' line)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(Bytes.describe(messages.get(i)));
    }
    return out.toString();
  }

  private static byte[] message(String rest) {
    if (rest.length() >= 3 && rest.charAt(0) == 'b' && (rest.charAt(1) == '\'' || rest.charAt(1) == '"')) {
      byte[] literal = bytesLiteral(rest);
      if (literal != null) {
        return literal;
      }
    }
    int from = rest.indexOf(FROM);
    return (from >= 0 ? rest.substring(0, from) : rest).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The bytes of the Python bytes literal at the start of {@code text} ({@code b'...'}), or null if
   * it is not closed on this line.
   */
  static byte[] bytesLiteral(String text) {
    char quote = text.charAt(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return out.toByteArray();
      }
      if (c != '\\' || i + 1 >= text.length()) {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(raw, 0, raw.length);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'v' -> out.write(11);
        case '0' -> out.write(0);
        case 'x' -> {
          if (i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
            out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
            i += 2;
          } else {
            out.write('\\');
            out.write('x');
          }
        }
        case '\\', '\'', '"' -> out.write(e);
        default -> {
          out.write('\\');
          out.write(e);
        }
      }
    }
    return null;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
