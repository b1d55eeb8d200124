package org.sockspec.bench;

import java.util.Locale;
import org.sockspec.bench.internal.Sandbox;

/**
 * The bench's one seam where it varies: the sandbox a spec's lane is taken from, chosen by the
 * configuration ({@code sockspec.sandbox}, read by the catalogue's TargetConfig, and the engine a
 * grader's pool names). Containers on a Docker engine (the default), or the process sandbox for a
 * machine without one. What a spec sees never depends on which.
 */
public final class Sandboxes {
  /** The configuration parameter (and, where no configuration is given, the system property) that names it. */
  public static final String PARAMETER = "sockspec.sandbox";

  /** The ways of running programs, by the names {@code --sandbox} takes. */
  public enum Type {
    CONTAINERS, PROCESS;

    /** The run's, as it was started: {@value Sandboxes#PARAMETER} as a system property, else containers. */
    public static Type ofRun() {
      return parse(System.getProperty(PARAMETER, "containers"));
    }

    /** @throws IllegalArgumentException for a word that names none */
    public static Type parse(String name) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "containers", "container" -> CONTAINERS;
        case "process", "processes" -> PROCESS;
        default -> throw new IllegalArgumentException("unknown sandbox '" + name + "': say containers or process");
      };
    }

    /** "containers", "process": the option's words. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Sandboxes() {}

  /** The sandbox of {@code type}; for containers, on {@code engine} (null: the one the environment names). */
  static Sandbox of(Type type, EngineAddress engine) {
    return Sandbox.of(type, engine);
  }

  /** How many specs may run at once there (each holds a lane while it runs). */
  public static int lanes(Type type, EngineAddress engine) {
    return of(type, engine).lanes();
  }

  /** Lets at least {@code specs} specs run at once there from now on (a grader's jobs). */
  public static void allowAtOnce(Type type, EngineAddress engine, int specs) {
    of(type, engine).allowAtOnce(specs);
  }

  /** Makes ready, in the background, lanes for {@code specs} specs about to run (a hint). */
  public static void warm(Type type, EngineAddress engine, int specs) {
    of(type, engine).warm(specs);
  }

  /** Discards every idle lane there and waits (bounded) for it: the run's end. */
  public static void shutdown(Type type, EngineAddress engine) {
    of(type, engine).shutdown();
  }

  /** How programs run there when not fully confined, for a one-time note; empty when they are. */
  public static String caveat(Type type, EngineAddress engine) {
    return of(type, engine).caveat();
  }

  /** The runtime image's name the kit looks for on an engine (built where missing: docs/classroom.md, scripts/ensure-image.sh). */
  public static String runtimeImage() {
    return org.sockspec.bench.internal.RuntimeImage.name();
  }
}
