package org.sockspec.impl.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.Defect;
import org.sockspec.impl.LabProtocol;
import org.sockspec.impl.Options;

/**
 * What a server answers and which message ends a conversation: the lab's protocol, shared by every
 * server so that a defect on it ({@link Defect#NEVER_ANSWERS}, {@link Defect#WRONG_ANSWER},
 * {@link Defect#IGNORES_END}, {@link Defect#ANSWERS_PER_READ}) is planted once for all of them.
 *
 * <p>A message is whatever one read returned (one {@code recv(1024)} or one datagram), or, where
 * the lab frames by lines, a line without its newline; it is the stop word only when it is exactly
 * the lab's end word ({@code end} in the handout's {@code received_msg != b"end"}): {@code end\n}
 * is an ordinary message there. An answer goes on the wire framed as the lab frames it.
 */
public final class ReplyPolicy {

    /** What {@link Defect#WRONG_ANSWER} answers: the lab's answer with i and e swapped. */
    public static final String MISSPELT_ANSWER = "Message recieved";

    private final Options options;
    private final LabProtocol protocol;
    private final boolean honoursEnd;

    private ReplyPolicy(Options options) {
        this.options = options;
        this.protocol = options.protocol();
        this.honoursEnd = !options.plants(Defect.IGNORES_END);
    }

    /** The policy of the server configured by {@code options}, defect included. */
    public static ReplyPolicy of(Options options) {
        return new ReplyPolicy(options);
    }

    /**
     * The bytes to send back for {@code message}, framed as the lab frames them, or nothing if this
     * server does not answer it.
     */
    public Optional<byte[]> answerTo(byte[] message) {
        if (options.plants(Defect.NEVER_ANSWERS) || isTheEnd(message) && !protocol.endAnswered()) {
            return Optional.empty();
        }
        Optional<byte[]> answer = protocol.answer().answerTo(message);
        if (options.plants(Defect.WRONG_ANSWER)) {
            answer = answer.map(ReplyPolicy::wrong);
        }
        return answer.map(bytes -> Framer.frame(bytes, protocol.lines()));
    }

    /**
     * What {@link Defect#WRONG_ANSWER} answers instead of {@code right}: the handout's answer
     * misspelt (i and e swapped), or, for another answer, the same length with its first byte changed.
     */
    private static byte[] wrong(byte[] right) {
        String text = new String(right, StandardCharsets.UTF_8);
        if (text.equals(Options.DEFAULT_ANSWER)) {
            return MISSPELT_ANSWER.getBytes(StandardCharsets.UTF_8);
        }
        if (text.equals(MISSPELT_ANSWER)) {
            return Options.DEFAULT_ANSWER.getBytes(StandardCharsets.UTF_8);
        }
        byte[] other = right.length == 0 ? new byte[] {'?'} : right.clone();
        other[0] = (byte) (other[0] == '?' ? '!' : '?');
        return other;
    }

    /** Whether the conversation ends after answering {@code message}. */
    public boolean ends(byte[] message) {
        return honoursEnd && isTheEnd(message);
    }

    /** Whether {@code message} is exactly the lab's end word. */
    private boolean isTheEnd(byte[] message) {
        return protocol.end().map(word -> Arrays.equals(message, word.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    /** The greeting a TCP server sends a client it accepted, framed; empty for none. */
    public Optional<byte[]> greeting() {
        return protocol.greeting().map(text -> Framer.frame(text.getBytes(StandardCharsets.UTF_8), protocol.lines()));
    }

    /** A new cutter of one connection's reads into messages (each read, each line, or each read under the defect). */
    public Framer framer() {
        return new Framer(!protocol.lines() ? Framer.Cut.READS
                : options.plants(Defect.ANSWERS_PER_READ) ? Framer.Cut.READS_AS_LINES : Framer.Cut.LINES);
    }

    /** A cutter of datagrams into messages: each datagram one, its trailing newline taken off where the lab frames by lines. */
    public Framer datagramFramer() {
        return new Framer(protocol.lines() ? Framer.Cut.READS_AS_LINES : Framer.Cut.READS);
    }

    /** Whether a client waits for an answer to each message (the lab's server answers them). */
    public boolean answered() {
        return protocol.answer().answers() && !options.plants(Defect.NEVER_ANSWERS);
    }

    /** Whether the lab's server answers {@code message}, as its client sees it (the end word may not be). */
    public boolean answers(byte[] message) {
        return answered() && !(isTheEnd(message) && !protocol.endAnswered());
    }

    /** The answer the lab's rule gives {@code message}, unframed (what a client prints of it); empty for none. */
    public Optional<byte[]> ruleAnswer(byte[] message) {
        return protocol.answer().answerTo(message);
    }

    /** Whether messages and answers are lines. */
    public boolean byLines() {
        return protocol.lines();
    }
}
