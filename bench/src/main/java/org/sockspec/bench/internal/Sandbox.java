package org.sockspec.bench.internal;

import org.sockspec.bench.Target;

/**
 * A way of running programs under test: the one seam where the kit's benches vary (after
 * Testcontainers' {@code DockerClientProviderStrategy}). The specs see only {@link Lane}s.
 */
public interface Sandbox {
  /** A lane for one spec of {@code target}, with its files in place; blocks while every lane is busy. */
  Lane take(Target target);

  /** How many specs may run at once (each holds a lane while it runs). */
  int lanes();

  /** Lets at least {@code specs} specs run at once from now on (a grader's jobs); never fewer than now. */
  default void allowAtOnce(int specs) {}

  /** Makes ready, in the background, lanes for {@code specs} specs about to run (a hint). */
  default void warm(int specs) {}

  /** Discards every idle lane and waits (bounded) for the discarding: the run's end. */
  default void shutdown() {}

  /** The sandbox of {@code type}; for containers, on {@code engine} (null: the one the environment names). */
  static Sandbox of(org.sockspec.bench.Sandboxes.Type type, org.sockspec.bench.EngineAddress engine) {
    if (type == org.sockspec.bench.Sandboxes.Type.PROCESS) {
      return ProcessSandbox.instance();
    }
    return engine == null ? Engine.environment().sandbox() : Engine.at(engine).sandbox();
  }

  /** How programs run in this sandbox when not fully confined, for a one-time note; empty when they are. */
  default String caveat() {
    return "";
  }
}
