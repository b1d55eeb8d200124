package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the contact with one engine while a grader uses it, so that no verdict rests on a bench
 * whose engine went away under it. Two signals: a stream of the engine's events held open (it breaks
 * the moment the daemon dies, even when it is back a second later), and a ping every
 * {@link #PERIOD}, bounded by {@link #PING_BOUND}.
 *
 * <p>Every break of contact, a broken stream or a failed ping, counts one {@link #interruptions()
 * interruption}: a grader takes a student's results only when none happened while they were graded.
 * Pings that keep failing for {@link #LOSS_AFTER} make the engine <em>lost</em>; while lost it is
 * pinged every {@link #RETRY} until it answers again.
 */
public final class EngineWatch implements AutoCloseable {
  static final Duration PERIOD = Duration.ofSeconds(1);
  static final Duration PING_BOUND = Duration.ofSeconds(10);
  /** Two failed pings this far apart: a daemon restarting takes longer, a passing hiccup does not fail twice. */
  static final Duration LOSS_AFTER = Duration.ofMillis(500);
  static final Duration RETRY = Duration.ofSeconds(2);

  /** What the watch tells as it happens (from its own thread: do nothing long here). */
  public interface Events {
    /** Contact with the engine is lost since {@code since}; {@code why} in the engine client's words. */
    void lost(Instant since, String why);

    /** The lost engine answers again. */
    void answersAgain(Instant at);
  }

  private final Engine engine;
  private final Events events;
  private final DockerClient pinger;
  private final DockerClient streamer;
  private final AtomicLong interruptions = new AtomicLong();
  private final Thread thread;
  private volatile boolean lost;
  private volatile boolean closed;
  private volatile boolean streamBroken = true;
  private volatile Closeable stream;

  private EngineWatch(Engine engine, Events events) {
    this.engine = engine;
    this.events = events;
    this.pinger = engine.client(PING_BOUND);
    this.streamer = engine.client(null);
    this.thread = new Thread(this::watch, "sockspec-watch " + engine);
    thread.setDaemon(true);
  }

  /** Starts watching {@code engine}, answering or not (one that does not answer is soon told lost). */
  public static EngineWatch start(Engine engine, Events events) {
    EngineWatch watch = new EngineWatch(engine, events);
    watch.openStream();
    watch.thread.start();
    return watch;
  }

  /** How many times contact broke so far: unchanged over a span means unbroken contact through it. */
  public long interruptions() {
    return interruptions.get();
  }

  public boolean lost() {
    return lost;
  }

  /** Whether the engine answers a ping now (bounded by {@link #PING_BOUND}). */
  public boolean answers() {
    return ping() == null;
  }

  private void watch() {
    boolean interrupted = false;
    Instant failingSince = null;
    while (!closed) {
      if (lost) {
        if (ping() == null) {
          lost = false;
          interrupted = false;
          failingSince = null;
          openStream();
          events.answersAgain(Instant.now());
        } else {
          pause(RETRY);
        }
        continue;
      }
      if (streamBroken && !interrupted) {
        interrupted = true;
        interruptions.incrementAndGet();
      }
      String failure = ping();
      if (failure == null) {
        failingSince = null;
        if (interrupted) {
          openStream(); // contact is whole again: a later break is a new interruption
          interrupted = false;
        }
        pause(PERIOD);
        continue;
      }
      if (!interrupted) {
        interrupted = true;
        interruptions.incrementAndGet();
      }
      if (failingSince == null) {
        failingSince = Instant.now();
        pause(LOSS_AFTER);
      } else {
        lost = true;
        closeStream();
        Trace.log("engine " + engine + " lost: " + failure);
        events.lost(failingSince, failure);
      }
    }
  }

  /** Null when it answered, else why not. */
  private String ping() {
    try {
      pinger.pingCmd().exec();
      return null;
    } catch (RuntimeException e) {
      return Engine.rootCause(e);
    }
  }

  private void openStream() {
    closeStream();
    streamBroken = false;
    try {
      // Only this run's containers' events: the stream carries next to nothing; its end is the signal.
      stream = streamer.eventsCmd().withLabelFilter(Map.of(Labels.SESSION, Labels.session()))
          .exec(new ResultCallback.Adapter<Event>() {
            @Override
            public void onError(Throwable throwable) {
              broken();
            }

            @Override
            public void onComplete() {
              broken();
            }
          });
    } catch (RuntimeException e) {
      broken();
    }
  }

  private void broken() {
    if (!closed && !streamBroken) {
      streamBroken = true;
      LockSupport.unpark(thread); // look now, not at the next period
    }
  }

  private void closeStream() {
    Closeable open = stream;
    stream = null;
    if (open != null) {
      streamBroken = true; // closed on purpose: not a break (the flag is set first)
      try {
        open.close();
      } catch (IOException | RuntimeException e) {
        // it is being let go of either way
      }
    }
  }

  private void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }

  @Override
  public void close() {
    closed = true;
    closeStream();
    LockSupport.unpark(thread);
  }
}
