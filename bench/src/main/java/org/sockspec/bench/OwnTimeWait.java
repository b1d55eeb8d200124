package org.sockspec.bench;

import java.time.Duration;

/**
 * The program cannot be started on its port: a TIME_WAIT of the submission's own making holds it
 * (a connection one of its programs closed first, or one between two of its own sockets), in a
 * namespace the kit cannot discard (the machine's, in the process sandbox), and the submission has
 * spent its share of the grader's time on such waits. A spec that starts the program fails at once
 * with this, charged to the program.
 *
 * @param port the port held
 * @param left how long the TIME_WAIT has left
 * @param waited how long the grader already waited for the submission's own TIME_WAITs
 * @param budget the most it waits for them, per submission
 */
public final class OwnTimeWait extends AssertionError {
  private final int port;
  private final Duration left;
  private final Duration waited;
  private final Duration budget;

  public OwnTimeWait(int port, Duration left, Duration waited, Duration budget) {
    super("Expecting port " + port + " to be free to start your program on, but a connection your own programs "
        + "left in TIME_WAIT holds it for " + left.toSeconds() + " s more (a connection they closed first, or one "
        + "between two of their own sockets: the kit resets its own). The grader already waited "
        + waited.toSeconds() + " s for such connections of yours, the most it waits (" + budget.toSeconds()
        + " s): the specs that start a program on that port fail from now on. A server that closes first, or "
        + "that connects to itself, leaves its port in TIME_WAIT for 60 s; set SO_REUSEADDR before bind() to "
        + "bind anyway, and let the client close first.");
    this.port = port;
    this.left = left;
    this.waited = waited;
    this.budget = budget;
  }

  public int port() {
    return port;
  }

  public Duration left() {
    return left;
  }

  public Duration waited() {
    return waited;
  }

  public Duration budget() {
    return budget;
  }
}
