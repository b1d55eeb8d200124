package org.sockspec.impl.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.Defect;
import org.sockspec.impl.Options;

/**
 * What a server answers and which message ends a conversation: the lab's protocol, shared by every
 * server so that a defect on it ({@link Defect#NEVER_ANSWERS}, {@link Defect#WRONG_ANSWER},
 * {@link Defect#IGNORES_END}) is planted once for all of them.
 *
 * <p>A message is whatever one read returned (one {@code recv(1024)} or one datagram); it is the
 * stop word only when it is exactly the three bytes {@code end}, as in the handout's
 * {@code received_msg != b"end"}: {@code end\n} is an ordinary message.
 */
public final class ReplyPolicy {

    /** The stop word, {@code b"end"}. */
    public static final byte[] END = "end".getBytes(StandardCharsets.US_ASCII);
    /** What {@link Defect#WRONG_ANSWER} answers: the lab's answer with i and e swapped. */
    public static final String MISSPELT_ANSWER = "Message recieved";

    private final Optional<byte[]> answer;
    private final boolean honoursEnd;

    private ReplyPolicy(Optional<byte[]> answer, boolean honoursEnd) {
        this.answer = answer;
        this.honoursEnd = honoursEnd;
    }

    /** The policy of the server configured by {@code options}, defect included. */
    public static ReplyPolicy of(Options options) {
        Optional<byte[]> answer;
        if (options.plants(Defect.NEVER_ANSWERS)) {
            answer = Optional.empty();
        } else if (options.plants(Defect.WRONG_ANSWER)) {
            String wrong = options.answer().equals(MISSPELT_ANSWER)
                    ? Options.DEFAULT_ANSWER : MISSPELT_ANSWER;
            answer = Optional.of(wrong.getBytes(StandardCharsets.UTF_8));
        } else {
            answer = Optional.of(options.answerBytes());
        }
        return new ReplyPolicy(answer, !options.plants(Defect.IGNORES_END));
    }

    /** The bytes to send back for {@code message}, or nothing if this server does not answer. */
    public Optional<byte[]> answerTo(byte[] message) {
        return answer.map(byte[]::clone);
    }

    /** Whether the conversation ends after answering {@code message}. */
    public boolean ends(byte[] message) {
        return honoursEnd && isEnd(message);
    }

    /** Whether {@code message} is exactly the stop word. */
    public static boolean isEnd(byte[] message) {
        return Arrays.equals(message, END);
    }
}
