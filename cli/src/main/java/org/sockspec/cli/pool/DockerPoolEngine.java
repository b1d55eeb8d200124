package org.sockspec.cli.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sockspec.bench.Sandboxes;
import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.EngineWatch;
import org.sockspec.bench.internal.RuntimeImageCopy;

/** An engine of the pool reached through the Docker API (see {@link Engine}), watched by an {@link EngineWatch}. */
public final class DockerPoolEngine implements PoolEngine {
  private final EngineLine line;
  private final Engine engine;
  /** Where its runtime image may be copied from: the engine the environment names, then the pool's others. */
  private final List<Engine> sources;
  private volatile EngineWatch watch;

  private DockerPoolEngine(EngineLine line, List<Engine> sources) {
    this.line = line;
    this.engine = Engine.at(line.address());
    this.sources = sources;
  }

  /** The pool of the engines {@code lines} name. */
  public static List<PoolEngine> of(List<EngineLine> lines) {
    List<Engine> sources = new ArrayList<>();
    sources.add(Engine.environment());
    lines.forEach(line -> sources.add(Engine.at(line.address())));
    return lines.stream().<PoolEngine>map(line -> new DockerPoolEngine(line, List.copyOf(sources))).toList();
  }

  @Override
  public EngineLine line() {
    return line;
  }

  @Override
  public void watch(EngineWatch.Events events) {
    watch = EngineWatch.start(engine, events);
  }

  @Override
  public String prepare() {
    engine.docker();
    RuntimeImageCopy.Copied copy = RuntimeImageCopy.ensureOn(engine, sources);
    engine.kitImage();
    Sandboxes.allowAtOnce(Sandboxes.Type.CONTAINERS, line.address(), line.jobs());
    return copy.from().map(from -> String.format(Locale.ROOT, "runtime image copied from %s in %.1f s", from,
        copy.took().toMillis() / 1000.0)).orElse("images present");
  }

  @Override
  public long interruptions() {
    return watch.interruptions();
  }

  @Override
  public boolean answers() {
    return watch.answers();
  }

  @Override
  public int recover() {
    engine.forget();
    return engine.removeOwnContainers();
  }

  @Override
  public Engine.LimitCounters limitCounters() {
    return engine.limitCounters();
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
  }
}
