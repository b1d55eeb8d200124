package org.sockspec.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockspec.impl.common.AnswerRule;

/**
 * The lab's protocol a reference program follows, from its options: the handout's unless told
 * otherwise (see the kit's docs/cli.md for what each means).
 *
 * @param answer what a server answers each message with ({@code --answer RULE})
 * @param lines whether messages and answers are lines ({@code --framing line})
 * @param end the word that ends a conversation, or empty: the client closing does ({@code --end})
 * @param endAnswered whether a server answers the end word ({@code --end-answered})
 * @param afterEnd what a single-conversation server does once its conversation ended: {@code close}
 *     or {@code exit}; empty for its default ({@code --after-end})
 * @param udpBuffer how many bytes of a datagram the UDP server reads; 0 for no limit ({@code --udp-buffer})
 * @param greeting what a TCP server sends a client once it accepts it ({@code --greeting})
 */
public record LabProtocol(AnswerRule answer, boolean lines, Optional<String> end, boolean endAnswered,
        Optional<String> afterEnd, int udpBuffer, Optional<String> greeting) {

    /** The handout's answer. */
    public static final String HANDOUT_ANSWER = "Message received";

    /** The handout's: "Message received" to every message, one read a message, {@code end}, 50 bytes. */
    public static final LabProtocol HANDOUT = new LabProtocol(AnswerRule.constant(HANDOUT_ANSWER), false,
            Optional.of("end"), true, Optional.empty(), 50, Optional.empty());

    public LabProtocol withAnswer(AnswerRule rule) {
        return new LabProtocol(rule, lines, end, endAnswered, afterEnd, udpBuffer, greeting);
    }

    public LabProtocol withLines(boolean byLines) {
        return new LabProtocol(answer, byLines, end, endAnswered, afterEnd, udpBuffer, greeting);
    }

    public LabProtocol withEnd(Optional<String> word) {
        return new LabProtocol(answer, lines, word, endAnswered, afterEnd, udpBuffer, greeting);
    }

    public LabProtocol withEndAnswered(boolean answered) {
        return new LabProtocol(answer, lines, end, answered, afterEnd, udpBuffer, greeting);
    }

    public LabProtocol withAfterEnd(Optional<String> what) {
        return new LabProtocol(answer, lines, end, endAnswered, what, udpBuffer, greeting);
    }

    public LabProtocol withUdpBuffer(int bytes) {
        return new LabProtocol(answer, lines, end, endAnswered, afterEnd, bytes, greeting);
    }

    public LabProtocol withGreeting(Optional<String> text) {
        return new LabProtocol(answer, lines, end, endAnswered, afterEnd, udpBuffer, text);
    }

    /** Its options as a command line gives them (for a fork server's workers). */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--answer", answer.written()));
        if (lines) {
            args.addAll(List.of("--framing", "line"));
        }
        args.addAll(List.of("--end", end.orElse("none")));
        if (!endAnswered) {
            args.addAll(List.of("--end-answered", "no"));
        }
        afterEnd.ifPresent(what -> args.addAll(List.of("--after-end", what)));
        args.addAll(List.of("--udp-buffer", Integer.toString(udpBuffer)));
        greeting.ifPresent(text -> args.addAll(List.of("--greeting", text)));
        return args;
    }
}
