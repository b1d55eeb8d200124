package org.sockspec.impl;

/**
 * The exit statuses of every sub-command. They are the handout's: its Python programs exit 0 when
 * done, 1 on an uncaught exception (a refused connection, a port in use) and 2 on a usage error.
 */
public final class ExitStatus {
    /** The program did its job: a server after its client's {@code end}, a client after sending it. */
    public static final int OK = 0;
    /** A runtime failure reported in one line: port in use, connection refused, server gone. */
    public static final int FAILURE = 1;
    /** The command line was wrong: missing host, unknown option, unknown or inapplicable defect. */
    public static final int USAGE = 2;

    private ExitStatus() {
    }
}
