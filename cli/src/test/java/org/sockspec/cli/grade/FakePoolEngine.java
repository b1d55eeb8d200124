package org.sockspec.cli.grade;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sockspec.bench.EngineAddress;
import org.sockspec.bench.EngineUnavailableException;
import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.EngineWatch;
import org.sockspec.cli.pool.EngineLine;
import org.sockspec.cli.pool.PoolEngine;

/**
 * An engine of a pool whose contact a test breaks and restores at will, as its watch would tell it:
 * {@link #lose} is a daemon killed, {@link #comeBack} the daemon started again.
 */
final class FakePoolEngine implements PoolEngine {
  /** What a loss left on the engine, removed by the recovery. */
  static final int LEFT_BEHIND = 3;
  private final EngineLine line;
  private final AtomicLong interruptions = new AtomicLong();
  private final AtomicInteger recoveries = new AtomicInteger();
  private volatile boolean answers = true;
  private volatile String unusable;
  private volatile EngineWatch.Events events;

  FakePoolEngine(int number, int jobs) {
    line = new EngineLine(number, EngineAddress.parse("unix:///run/fake-engine-" + number + ".sock"), jobs);
  }

  /** An engine that answers but cannot grade (its runtime image is nowhere, say). */
  FakePoolEngine unusable(String why) {
    unusable = why;
    return this;
  }

  /** Its daemon is killed: contact breaks, pings fail, the watch tells it lost. */
  void lose() {
    answers = false;
    interruptions.incrementAndGet();
    events.lost(Instant.now(), "Connection refused");
  }

  /** Its daemon answers again. */
  void comeBack() {
    answers = true;
    events.answersAgain(Instant.now());
  }

  int recoveries() {
    return recoveries.get();
  }

  /** The URL a spec run on it names as its engine. */
  String url() {
    return line.address().url().toString();
  }

  @Override
  public EngineLine line() {
    return line;
  }

  @Override
  public void watch(EngineWatch.Events events) {
    this.events = events;
  }

  @Override
  public String prepare() {
    if (!answers) {
      throw new EngineUnavailableException("the engine " + url() + " does not answer", null);
    }
    if (unusable != null) {
      throw new EngineUnavailableException(unusable, null);
    }
    return "images present";
  }

  @Override
  public long interruptions() {
    return interruptions.get();
  }

  @Override
  public boolean answers() {
    return answers;
  }

  @Override
  public int recover() {
    recoveries.incrementAndGet();
    return LEFT_BEHIND;
  }

  @Override
  public Engine.LimitCounters limitCounters() {
    return Engine.LimitCounters.READ_HERE;
  }

  @Override
  public void close() {
    // nothing runs
  }
}
