package org.sockspec.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A program's configuration: the handout's defaults unless the command line says otherwise.
 *
 * @param command the program these options configure
 * @param port the server's port (clients: the port they send to); 0 lets a server pick a free one
 *     and print it in its startup line (tests use that, so they can run in parallel)
 * @param answer what a server answers to every message
 * @param defect the planted defect, if any
 * @param arguments the positional arguments: a client's HOST (the client itself checks their
 *     number, as the handout's do, so that {@link Defect#NO_USAGE_CHECK} can skip the check)
 */
public record Options(Command command, int port, String answer, Optional<Defect> defect,
        List<String> arguments) {

    /** The lab's port. */
    public static final int DEFAULT_PORT = 12800;
    /** The lab's answer, {@code b"Message received"} in the handout. */
    public static final String DEFAULT_ANSWER = "Message received";

    public Options {
        arguments = List.copyOf(arguments);
    }

    /** The handout's defaults for {@code command}: port 12800, the lab's answer, no defect. */
    public static Options defaults(Command command) {
        return new Options(command, DEFAULT_PORT, DEFAULT_ANSWER, Optional.empty(), List.of());
    }

    public Options withPort(int newPort) {
        return new Options(command, newPort, answer, defect, arguments);
    }

    public Options withAnswer(String newAnswer) {
        return new Options(command, port, newAnswer, defect, arguments);
    }

    public Options withDefect(Defect newDefect) {
        return new Options(command, port, answer, Optional.of(newDefect), arguments);
    }

    public Options withArguments(String... newArguments) {
        return new Options(command, port, answer, defect, List.of(newArguments));
    }

    /** Whether {@code candidate} is the defect planted in this program. */
    public boolean plants(Defect candidate) {
        return defect.filter(candidate::equals).isPresent();
    }

    /** The answer as the bytes sent on the wire (UTF-8, as Python's {@code bytes(s, 'utf8')}). */
    public byte[] answerBytes() {
        return answer.getBytes(StandardCharsets.UTF_8);
    }
}
