package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.EngineUnavailableException;

/**
 * Makes the runtime image present on an engine that lacks it, with no registry: it is streamed from
 * an engine that has it, {@code docker save} there and {@code docker load} here, both through the
 * Docker API (the image is built only where debootstrap can run, see scripts/ensure-image.sh). The
 * image is found by its tag, which names its recipe, so a copy is never taken for another build.
 */
public final class RuntimeImageCopy {
  /**
   * What was done for an engine.
   *
   * @param from the engine it was copied from; empty when it was there already
   * @param took how long the copy took
   */
  public record Copied(Optional<Engine> from, Duration took) {}

  private RuntimeImageCopy() {}

  /**
   * Makes the runtime image present on {@code target}, copied from the first of {@code sources}
   * that answers and has it.
   *
   * @throws EngineUnavailableException when {@code target} does not answer, or no source has the image
   */
  public static Copied ensureOn(Engine target, List<Engine> sources) {
    if (RuntimeImage.isOn(target.docker())) {
      return new Copied(Optional.empty(), Duration.ZERO);
    }
    for (Engine source : sources) {
      if (source != target && has(source)) {
        long start = System.nanoTime();
        copy(source, target);
        return new Copied(Optional.of(source), Duration.ofNanos(System.nanoTime() - start));
      }
    }
    throw new EngineUnavailableException("the runtime image " + RuntimeImage.name() + " is on no engine that answers "
        + "(" + target + " lacks it, and so do " + (sources.isEmpty() ? "the others" : sources) + "): build it once "
        + "where debootstrap can run, with scripts/ensure-image.sh (DOCKER_HOST=URL scripts/ensure-image.sh puts it "
        + "on the engine at URL), and it is copied from there to the others.", null);
  }

  private static boolean has(Engine source) {
    try {
      return RuntimeImage.isOn(source.docker());
    } catch (RuntimeException e) {
      return false; // it does not answer: not a source
    }
  }

  private static void copy(Engine source, Engine target) {
    Trace.log("runtime image: copying from " + source + " to " + target);
    try (InputStream saved = source.docker().saveImageCmd(RuntimeImage.name()).exec()) {
      target.docker().loadImageCmd(saved).exec();
    } catch (IOException e) {
      throw new EngineUnavailableException("copying the runtime image from " + source + " to " + target + " failed: "
          + e.getMessage(), e);
    }
    if (!RuntimeImage.isOn(target.docker())) {
      throw new EngineUnavailableException("the runtime image was loaded into " + target + " but is not there by "
          + "its tag " + RuntimeImage.name() + " (the engine's log may say why).", null);
    }
    Trace.log("runtime image: copied to " + target);
  }
}
