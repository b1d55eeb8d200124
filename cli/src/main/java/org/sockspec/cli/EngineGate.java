package org.sockspec.cli;

import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.EngineUnavailableException;
import org.sockspec.bench.internal.KitImage;
import org.sockspec.bench.internal.PreparedBenches;

/**
 * Checks, before a run, that containers can run here, so that a missing engine or image is one
 * message and exit status 3 rather than every spec's error.
 */
public interface EngineGate {
  /** Does nothing when containers can run; otherwise throws with what to install or start. */
  void require();

  /** Also requires the reference programs in the kit (the demo runs them). */
  default void requireReferencePrograms() {
    require();
  }

  /** Called once before the JVM exits: finishes what the kit still does with the engine. */
  default void release() {}

  /** The kit's engine: the Docker API as the bench reaches it, and the kit image built once. */
  EngineGate KIT = new EngineGate() {
    @Override
    public void require() {
      Engine.client();
      KitImage.name();
    }

    @Override
    public void requireReferencePrograms() {
      if (!KitImage.hasReferencePrograms()) {
        throw new EngineUnavailableException("this build of sockspec lacks the reference programs "
            + "(sockspec-impl is not on its class path): rebuild it with ./sockspec, or "
            + "mvn -pl cli -am package", null);
      }
      require();
    }

    /**
     * Removes the benches opened ahead that no spec will use, and waits for the removal of the
     * last benches' containers, which runs in the background. Left
     * to the shutdown hooks, Testcontainers' own hook would remove the same containers at the
     * same time and print the engine's "no such container" answer as a stack trace.
     */
    @Override
    public void release() {
      PreparedBenches.discardAll();
    }
  };
}
