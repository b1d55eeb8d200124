package org.sockspec.impl;

import java.util.List;
import java.util.Optional;

/**
 * A program's configuration: the handout's defaults unless the command line says otherwise.
 *
 * @param command the program these options configure
 * @param port the server's port (clients: the port they send to); 0 lets a server pick a free one
 *     and print it in its startup line (tests use that, so they can run in parallel)
 * @param protocol the lab's protocol it follows (the handout's by default)
 * @param defect the planted defect, if any
 * @param arguments the positional arguments: a client's HOST (the client itself checks their
 *     number, as the handout's do, so that {@link Defect#NO_USAGE_CHECK} can skip the check)
 */
public record Options(Command command, int port, LabProtocol protocol, Optional<Defect> defect,
        List<String> arguments) {

    /** The lab's port. */
    public static final int DEFAULT_PORT = 12800;
    /** The lab's answer, {@code b"Message received"} in the handout. */
    public static final String DEFAULT_ANSWER = LabProtocol.HANDOUT_ANSWER;

    public Options {
        arguments = List.copyOf(arguments);
    }

    /** The handout's defaults for {@code command}: port 12800, the lab's answer, no defect. */
    public static Options defaults(Command command) {
        return new Options(command, DEFAULT_PORT, LabProtocol.HANDOUT, Optional.empty(), List.of());
    }

    public Options withPort(int newPort) {
        return new Options(command, newPort, protocol, defect, arguments);
    }

    /** With the constant answer {@code newAnswer}. */
    public Options withAnswer(String newAnswer) {
        return withProtocol(protocol.withAnswer(org.sockspec.impl.common.AnswerRule.constant(newAnswer)));
    }

    public Options withProtocol(LabProtocol newProtocol) {
        return new Options(command, port, newProtocol, defect, arguments);
    }

    public Options withDefect(Defect newDefect) {
        return new Options(command, port, protocol, Optional.of(newDefect), arguments);
    }

    public Options withArguments(String... newArguments) {
        return new Options(command, port, protocol, defect, List.of(newArguments));
    }

    /** Whether {@code candidate} is the defect planted in this program. */
    public boolean plants(Defect candidate) {
        return defect.filter(candidate::equals).isPresent();
    }

}
