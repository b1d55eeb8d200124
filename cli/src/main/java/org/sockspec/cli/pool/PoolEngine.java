package org.sockspec.cli.pool;

import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.EngineWatch;

/**
 * One engine of a grader's pool, as the grader's scheduler sees it: made ready, watched while it
 * grades, and recovered when it answers again after a loss. The real one is
 * {@link DockerPoolEngine}; the scheduler's tests pass their own.
 */
public interface PoolEngine extends AutoCloseable {
  /** Which engine, as the engines file names it. */
  EngineLine line();

  /** Starts watching the contact with the engine, telling {@code events}; once, before anything else. */
  void watch(EngineWatch.Events events);

  /**
   * Makes the engine ready to grade: reaches it, makes the kit's images present on it (the runtime
   * image copied from another engine when it lacks it), and lets it run its jobs. Returns what it
   * did, for a person.
   *
   * @throws org.sockspec.bench.EngineUnavailableException when it cannot be made ready, saying why
   */
  String prepare();

  /**
   * How many times contact with the engine broke so far: a student's results are taken only when
   * this did not change while they were graded.
   */
  long interruptions();

  /** Whether it answers now (bounded). */
  boolean answers();

  /**
   * After it answered again: lets go of its lanes, and removes the containers this run made on it
   * before it was lost. Returns how many were removed.
   */
  int recover();

  /** Whether the kernel's counts of limits hit on it can be read here (see {@link Engine.LimitCounters}). */
  Engine.LimitCounters limitCounters();

  /** Stops watching it. */
  @Override
  void close();
}
