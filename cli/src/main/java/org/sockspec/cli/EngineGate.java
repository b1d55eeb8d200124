package org.sockspec.cli;

import java.util.List;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.Sandboxes;
import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.KitImage;
import org.sockspec.cli.pool.DockerPoolEngine;
import org.sockspec.cli.pool.EngineLine;
import org.sockspec.cli.pool.PoolEngine;

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

  /**
   * Starts reaching the engine in the background, while the command line is read: {@link #require}
   * then finds it reached (or fails as it would have). A hint; does nothing by default.
   */
  default void prepare() {}

  /** Lets {@code specs} specs run at once (a grader's jobs). */
  default void allowAtOnce(int specs) {}

  /** Makes ready, in the background, what {@code specs} specs about to run will need (a hint). */
  default void warm(int specs) {}

  /** The engines {@code lines} name, as a grader's pool (see {@code grade --engines}); not reached yet. */
  default List<PoolEngine> pool(List<EngineLine> lines) {
    return DockerPoolEngine.of(lines);
  }

  /** Called once before the JVM exits: finishes what the kit still does with the engine. */
  default void release() {}

  /** The kit's engine: the Docker API as the bench reaches it, and the kit image built once. */
  EngineGate KIT = new EngineGate() {
    @Override
    public void require() {
      if (Sandboxes.Type.ofRun() == Sandboxes.Type.PROCESS) {
        Sandboxes.lanes(Sandboxes.Type.PROCESS, null); // its folders, made now: a problem there is told before any spec runs
        return;
      }
      Engine.environment().kitImage(); // reaches the engine first
    }

    @Override
    public void prepare() {
      Thread thread = new Thread(() -> {
        try {
          require();
        } catch (RuntimeException e) {
          // require() fails again, in the command, with its message
        }
      }, "sockspec-prepare");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void allowAtOnce(int specs) {
      Sandboxes.allowAtOnce(Sandboxes.Type.ofRun(), null, specs);
    }

    @Override
    public void warm(int specs) {
      Sandboxes.warm(Sandboxes.Type.ofRun(), null, specs);
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
     * Removes the idle lanes and waits for the removal of every container, which runs in the
     * background: the run ends with nothing of it left on the engine.
     */
    @Override
    public void release() {
      Sandboxes.shutdown(Sandboxes.Type.ofRun(), null);
    }
  };
}
