package org.sockspec.impl;

/**
 * One of the lab's programs, configured and ready to run.
 *
 * <p>Contract: {@link #run} does the program's whole job on the given streams and returns its exit
 * status ({@link ExitStatus}); it never calls {@code System.exit}. Expected conditions (a port in
 * use, a refused connection, a client that vanishes) are reported in one line, never as a stack
 * trace. Servers that serve until killed return {@link ExitStatus#OK} when their thread is
 * interrupted, after closing every socket they own: that is how tests and the launcher stop them.
 */
@FunctionalInterface
public interface Program {

    /** Runs the program to its end and returns its exit status. */
    int run(Stdio stdio);
}
