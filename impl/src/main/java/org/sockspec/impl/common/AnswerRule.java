package org.sockspec.impl.common;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the reference servers answer each message with, as a lab says it ({@code --answer RULE}):
 * {@code constant:TEXT} (or any other text), {@code echo}, {@code upper}, {@code lower},
 * {@code template:T} with {@code {msg}} in T, or {@code none}.
 *
 * <p>Written apart from the kit's own reading of the same rules on purpose: the reference programs
 * are the witnesses the kit's specs are proven against, and a witness that shared the kit's code
 * would share its mistakes. Upper and lower case change ASCII letters only, as Python's
 * {@code bytes.upper()} does.
 */
public final class AnswerRule {
    private static final String MSG = "{msg}";
    private final String kind;
    private final String text;

    private AnswerRule(String kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** The handout's constant answer. */
    public static AnswerRule constant(String answer) {
        return new AnswerRule("constant", answer);
    }

    /** Reads a rule; {@link IllegalArgumentException} saying what is wrong. */
    public static AnswerRule parse(String written) {
        int colon = written.indexOf(':');
        String word = colon < 0 ? written : written.substring(0, colon);
        String value = colon < 0 ? "" : written.substring(colon + 1);
        switch (word) {
            case "echo":
            case "upper":
            case "lower":
            case "none":
                if (colon >= 0) {
                    throw new IllegalArgumentException(word + " takes no value: " + written);
                }
                return new AnswerRule(word, "");
            case "constant":
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("constant: needs its text");
                }
                return new AnswerRule("constant", value);
            case "template":
                if (!value.contains(MSG)) {
                    throw new IllegalArgumentException("a template needs " + MSG + ": " + written);
                }
                return new AnswerRule("template", value);
            default:
                if (written.isEmpty()) {
                    throw new IllegalArgumentException("an empty answer: say none");
                }
                return new AnswerRule("constant", written);
        }
    }

    /** The answer to {@code message}, or nothing for {@code none}. */
    public Optional<byte[]> answerTo(byte[] message) {
        switch (kind) {
            case "none":
                return Optional.empty();
            case "echo":
                return Optional.of(message.clone());
            case "upper":
            case "lower":
                byte[] cased = message.clone();
                for (int i = 0; i < cased.length; i++) {
                    char c = (char) (cased[i] & 0xff);
                    if (kind.equals("upper") && c >= 'a' && c <= 'z') {
                        cased[i] = (byte) Character.toUpperCase(c);
                    } else if (kind.equals("lower") && c >= 'A' && c <= 'Z') {
                        cased[i] = (byte) Character.toLowerCase(c);
                    }
                }
                return Optional.of(cased);
            case "template":
                String[] parts = text.split(java.util.regex.Pattern.quote(MSG), -1);
                java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        answer.writeBytes(message);
                    }
                    answer.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
                }
                return Optional.of(answer.toByteArray());
            default:
                return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether a server answers messages at all (every rule but {@code none}). */
    public boolean answers() {
        return !kind.equals("none");
    }

    /** Whether it is the constant {@code answer}. */
    public boolean isConstant(String answer) {
        return kind.equals("constant") && text.equals(answer);
    }

    /** How it is written on a command line. */
    public String written() {
        return kind.equals("constant") ? (text.matches("(constant|echo|upper|lower|template|none)(:.*)?")
                ? "constant:" + text : text) : kind.equals("template") ? "template:" + text : kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerRule rule && rule.kind.equals(kind) && rule.text.equals(text);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return written();
    }
}
