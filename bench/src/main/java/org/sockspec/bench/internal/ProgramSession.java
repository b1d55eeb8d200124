package org.sockspec.bench.internal;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A process the kit started and talks to through its standard streams: the program under test,
 * or the probe agent. Its output goes to the callback given when it was started; its exit status
 * is read from whatever started it (the engine, or the local kernel).
 */
public interface ProgramSession extends AutoCloseable {
  /** Types {@code bytes} into its standard input. */
  void write(byte[] bytes);

  /** Ends its standard input (it reads end of file). */
  void endInput();

  /**
   * Waits, bounded, until its process runs (or already exited): started by an engine, a process
   * may take seconds to exist on a busy machine, and a window the program is given must not run
   * out before it does. Returns how long it waited.
   */
  default Duration awaitRunning(Duration bound) {
    return Duration.ZERO; // a local process runs when it is started
  }

  /** The exit status once it exited; empty while it runs. */
  OptionalLong exitCode();

  /** Waits, bounded, for it to exit. */
  OptionalLong awaitExit(Duration window);

  /** Whether its output streams closed (it, and every child that inherited them, exited or closed them). */
  boolean outputClosed();

  /** Lets go of its streams; the process itself is ended by its lane's reset. */
  @Override
  void close();
}
