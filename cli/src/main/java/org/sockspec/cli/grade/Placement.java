package org.sockspec.cli.grade;

import java.util.function.BooleanSupplier;
import org.sockspec.bench.EngineAddress;

/**
 * Where a student's specs run, and when to stop running them: on one engine of a grader's pool,
 * abandoned as soon as contact with it broke (the student is graded again elsewhere); or in the
 * run's sandbox, never abandoned.
 *
 * @param engine the pool's engine; null for the run's sandbox
 * @param abandoned whether the results could no longer be taken (checked before each run of specs)
 */
record Placement(EngineAddress engine, BooleanSupplier abandoned) {
  static final Placement RUN_SANDBOX = new Placement(null, () -> false);
}
