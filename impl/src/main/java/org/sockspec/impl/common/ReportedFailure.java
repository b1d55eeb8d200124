package org.sockspec.impl.common;

import java.io.PrintStream;
import org.sockspec.impl.Command;
import org.sockspec.impl.ExitStatus;

/**
 * An expected runtime failure (port in use, connection refused, unknown host, server gone): the
 * program reports it as one line {@code PROGRAM: message} on stderr and exits with
 * {@link ExitStatus#FAILURE}, never with a stack trace.
 */
public final class ReportedFailure extends Exception {

    public ReportedFailure(String message) {
        super(message, null, false, false);
    }

    /** Prints the one-line report and returns the exit status to end with. */
    public int report(Command program, PrintStream err) {
        err.println(program.cliName() + ": " + getMessage());
        return ExitStatus.FAILURE;
    }
}
