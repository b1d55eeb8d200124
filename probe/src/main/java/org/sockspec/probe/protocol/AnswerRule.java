package org.sockspec.probe.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a lab's server answers each message with: the closed list of rules labs use. The kit judges a
 * server by it, and plays a server by it for a client under test. A message is bytes; so is an
 * answer. Upper and lower case change ASCII letters only, as Python's {@code bytes.upper()} does.
 *
 * <p>On a command line or in a manifest a rule is written {@code constant:TEXT}, {@code echo},
 * {@code upper}, {@code lower}, {@code template:T} ({@code T} holds {@code {msg}}) or {@code none};
 * any other text is a constant (the handout's {@code Message received}), so the rule words
 * themselves, as constants, are written {@code constant:echo}.
 */
public sealed interface AnswerRule {
  /** The answer to {@code message}; empty when the server never answers. */
  Optional<byte[]> answerTo(byte[] message);

  /** How it is written ({@link #parse} reads it back). */
  String text();

  /** What the answer is, in a sentence's words: "the message itself in upper case" (answer each message with ...). */
  String describe();

  /** Whether the server answers at all. */
  default boolean answers() {
    return !(this instanceof None);
  }

  /** Whether the answer depends on the message (a message of its own shows in it). */
  default boolean dependsOnTheMessage() {
    return this instanceof Echo || this instanceof Upper || this instanceof Lower || this instanceof Template;
  }

  /** The same text every time. */
  record Constant(String answer) implements AnswerRule {
    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      return Optional.of(answer.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String text() {
      return WORDS.contains(answer) || answer.contains(":") && WORDS.contains(answer.substring(0, answer.indexOf(':')))
          ? "constant:" + answer : answer;
    }

    @Override
    public String describe() {
      return "the text \"" + answer + "\"";
    }
  }

  /** The message itself. */
  record Echo() implements AnswerRule {
    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      return Optional.of(message.clone());
    }

    @Override
    public String text() {
      return "echo";
    }

    @Override
    public String describe() {
      return "the message itself";
    }
  }

  /** The message in upper case. */
  record Upper() implements AnswerRule {
    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      return Optional.of(ascii(message, true));
    }

    @Override
    public String text() {
      return "upper";
    }

    @Override
    public String describe() {
      return "the message itself in upper case";
    }
  }

  /** The message in lower case. */
  record Lower() implements AnswerRule {
    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      return Optional.of(ascii(message, false));
    }

    @Override
    public String text() {
      return "lower";
    }

    @Override
    public String describe() {
      return "the message itself in lower case";
    }
  }

  /** A text with the message in it, where {@code {msg}} is: {@code Eho={msg}}. */
  record Template(String template) implements AnswerRule {
    public Template {
      if (!template.contains(MSG)) {
        throw new IllegalArgumentException("a template must hold " + MSG + " where the message goes, e.g. "
            + "template:Eho=" + MSG + "; got template:" + template);
      }
    }

    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      byte[] marker = MSG.getBytes(StandardCharsets.UTF_8);
      byte[] whole = template.getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      int from = 0;
      for (int at = indexOf(whole, marker, 0); at >= 0; at = indexOf(whole, marker, from)) {
        out.write(whole, from, at - from);
        out.writeBytes(message);
        from = at + marker.length;
      }
      out.write(whole, from, whole.length - from);
      return Optional.of(out.toByteArray());
    }

    @Override
    public String text() {
      return "template:" + template;
    }

    @Override
    public String describe() {
      return "\"" + template + "\" with the message in the place of " + MSG;
    }
  }

  /** Never an answer: the server reads (and prints) what it gets. */
  record None() implements AnswerRule {
    @Override
    public Optional<byte[]> answerTo(byte[] message) {
      return Optional.empty();
    }

    @Override
    public String text() {
      return "none";
    }

    @Override
    public String describe() {
      return "nothing (the server never answers)";
    }
  }

  /** Where a template puts the message. */
  String MSG = "{msg}";
  /** The rule words: as constants they are written {@code constant:WORD}. */
  java.util.Set<String> WORDS = java.util.Set.of("constant", "echo", "upper", "lower", "template", "none");
  /** The handout's rule. */
  AnswerRule HANDOUT = new Constant("Message received");

  /**
   * Reads a rule as written: {@code constant:TEXT}, {@code echo}, {@code upper}, {@code lower},
   * {@code template:T}, {@code none}, or any other text, a constant.
   *
   * @throws IllegalArgumentException for a template without {@code {msg}}, an empty constant, or a
   *     rule word with a value it does not take
   */
  static AnswerRule parse(String written) {
    int colon = written.indexOf(':');
    String word = colon < 0 ? written : written.substring(0, colon);
    String value = colon < 0 ? null : written.substring(colon + 1);
    if (!WORDS.contains(word)) {
      if (written.isEmpty()) {
        throw new IllegalArgumentException("an answer cannot be empty: write none for a server that never answers");
      }
      return new Constant(written);
    }
    return switch (word) {
      case "constant" -> {
        if (value == null || value.isEmpty()) {
          throw new IllegalArgumentException("constant: needs its text, e.g. constant:echo");
        }
        yield new Constant(value);
      }
      case "template" -> new Template(value == null ? "" : value);
      default -> {
        if (value != null) {
          throw new IllegalArgumentException(word + " takes no value (got " + written + "): write " + word
              + ", or constant:" + written + " for that text as a constant");
        }
        yield switch (word) {
          case "echo" -> new Echo();
          case "upper" -> new Upper();
          case "lower" -> new Lower();
          default -> new None();
        };
      }
    };
  }

  /** The valid forms, for a message about bad input. */
  String FORMS = "constant:TEXT (or just TEXT), echo, upper, lower, template:T (T holds {msg}), none";

  private static byte[] ascii(byte[] message, boolean upper) {
    byte[] out = Arrays.copyOf(message, message.length);
    for (int i = 0; i < out.length; i++) {
      byte b = out[i];
      if (upper && b >= 'a' && b <= 'z') {
        out[i] = (byte) (b - 32);
      } else if (!upper && b >= 'A' && b <= 'Z') {
        out[i] = (byte) (b + 32);
      }
    }
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
