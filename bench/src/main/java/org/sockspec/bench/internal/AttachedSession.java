package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sockspec.bench.KitException;

/**
 * A container's main process, its standard streams attached before the container starts (the
 * probe agent as its probe container's command): one engine round trip fewer than a {@code docker
 * exec} in a container started idle, on every lane's opening.
 */
final class AttachedSession implements ProgramSession {
  private final DockerClient docker;
  private final String containerId;
  private final StdinFeed stdin = new StdinFeed();
  private final ResultCallback.Adapter<Frame> streams;
  private volatile boolean streamsClosed;

  /** Attaches to the created container {@code containerId} of the engine {@code docker} reaches, then starts it. */
  AttachedSession(DockerClient docker, String containerId, Consumer<byte[]> output, Runnable onClosed) {
    this.docker = docker;
    this.containerId = containerId;
    streams = docker.attachContainerCmd(containerId).withStdIn(stdin).withStdOut(true).withStdErr(true)
        .withFollowStream(true).exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            output.accept(frame.getPayload());
          }

          @Override
          public void onComplete() {
            streamsClosed = true;
            onClosed.run();
            super.onComplete();
          }

          @Override
          public void onError(Throwable throwable) {
            streamsClosed = true;
            onClosed.run();
            super.onError(throwable);
          }
        });
    try {
      // The attach must hold before the process starts, or its first line could be lost.
      if (!streams.awaitStarted(30, TimeUnit.SECONDS)) {
        throw new KitException("could not attach to container " + containerId.substring(0, 12) + " within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KitException("interrupted while attaching to container " + containerId.substring(0, 12));
    }
    docker.startContainerCmd(containerId).exec();
  }

  @Override
  public void write(byte[] bytes) {
    stdin.write(bytes);
  }

  @Override
  public void endInput() {
    stdin.end();
  }

  @Override
  public OptionalLong exitCode() {
    var state = docker.inspectContainerCmd(containerId).exec().getState();
    if (Boolean.TRUE.equals(state.getRunning()) || state.getExitCodeLong() == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(state.getExitCodeLong());
  }

  @Override
  public OptionalLong awaitExit(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (true) {
      OptionalLong code = exitCode();
      if (code.isPresent() || System.nanoTime() >= deadline) {
        return code;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Math.min(20_000_000, deadline - System.nanoTime()));
    }
  }

  @Override
  public boolean outputClosed() {
    return streamsClosed;
  }

  @Override
  public void close() {
    stdin.end();
    try {
      streams.close();
    } catch (IOException e) {
      // the connection is dropped either way; the container is removed with its slot
    }
  }
}
