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

  /**
   * The sandbox of this run, as the system property {@code sockspec.sandbox} names it:
   * {@code containers} (the default: on the engine the environment names) or {@code process}.
   */
  static Sandbox current() {
    return Type.current() == Type.PROCESS ? ProcessSandbox.instance() : Engine.environment().sandbox();
  }

  /**
   * The container bench of the engine at {@code engine} (one of a grader's pool); the run's sandbox
   * when it is null.
   */
  static Sandbox on(org.sockspec.bench.EngineAddress engine) {
    return engine == null ? current() : Engine.at(engine).sandbox();
  }

  /** The ways of running programs, by the names {@code --sandbox} takes. */
  enum Type {
    CONTAINERS, PROCESS;

    /** The run's, from {@code sockspec.sandbox}. */
    public static Type current() {
      return parse(System.getProperty("sockspec.sandbox", "containers"));
    }

    public static Type parse(String name) {
      return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "containers", "container" -> CONTAINERS;
        case "process", "processes" -> PROCESS;
        default -> throw new IllegalArgumentException("unknown sandbox '" + name + "': say containers or process");
      };
    }

    /** "containers", "process": the option's words. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How programs run in this sandbox when not fully confined, for a one-time note; empty when they are. */
  default String caveat() {
    return "";
  }
}
