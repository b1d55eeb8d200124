package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.core.DockerClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A process started in a container with {@code docker exec}, its standard input attached and its
 * output streamed back, through the Docker API only (its streams on a connection of their own,
 * {@link ExecStreams}, so that its input can end).
 *
 * <p>Pitfall: a process started this way is not killed when the kit lets go of it. The kit ends
 * it with its lane's reset (the probe kills every process of the program's uid), or with its
 * container, and stops a program mid-spec with a signal from the probe.
 */
public final class ExecSession implements ProgramSession {
  private final DockerClient docker;
  private final String execId;
  private final ExecStreams streams;
  private volatile boolean streamsClosed;

  /**
   * Environment of every process the kit starts: Python must not buffer its output (the kit reads
   * it through a pipe, as it arrives) nor write .pyc files (the program's folder is read-only).
   */
  private static final List<String> ENVIRONMENT = List.of("PYTHONUNBUFFERED=1",
      "PYTHONDONTWRITEBYTECODE=1", "HOME=/home/lab", "LANG=C.UTF-8");

  private ExecSession(DockerClient docker, DockerClientConfig engine, String containerId, String user,
      String workingDir, List<String> command, Consumer<byte[]> output, Runnable onClosed) {
    this.docker = docker;
    execId = docker.execCreateCmd(containerId).withUser(user).withCmd(command.toArray(String[]::new))
        .withWorkingDir(workingDir).withEnv(ENVIRONMENT)
        .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true).withTty(false)
        .exec().getId();
    streams = ExecStreams.start(engine, execId, output, () -> {
      streamsClosed = true;
      onClosed.run();
    });
  }

  /** Starts {@code command} in the container {@code containerId} of the engine {@code docker} reaches. */
  public static ExecSession start(DockerClient docker, DockerClientConfig engine, String containerId, String user,
      String workingDir, List<String> command, Consumer<byte[]> output, Runnable onClosed) {
    return new ExecSession(docker, engine, containerId, user, workingDir, command, output, onClosed);
  }

  @Override
  public void write(byte[] bytes) {
    streams.write(bytes);
  }

  /** Ends standard input (the program reads end-of-file, where the engine passes it on). */
  @Override
  public void endInput() {
    streams.endInput();
  }

  /**
   * The engine answers {@code exec start} before runc has made the process (under load, seconds
   * before): its state says when it runs, or already exited.
   */
  @Override
  public Duration awaitRunning(Duration bound) {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    long pollNanos = 1_000_000;
    while (true) {
      InspectExecResponse state = docker.inspectExecCmd(execId).exec();
      if (Boolean.TRUE.equals(state.isRunning()) || state.getExitCodeLong() != null
          || System.nanoTime() >= deadline) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      // Usually tens of ms: polled finely, so that the spec's first window is not delayed by the polling.
      LockSupport.parkNanos(Math.min(pollNanos, deadline - System.nanoTime()));
      pollNanos = Math.min(pollNanos * 2, 8_000_000);
    }
  }

  /** The exit status once the process exited; empty while it runs. */
  @Override
  public OptionalLong exitCode() {
    InspectExecResponse state = docker.inspectExecCmd(execId).exec();
    if (Boolean.TRUE.equals(state.isRunning()) || state.getExitCodeLong() == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(state.getExitCodeLong());
  }

  /**
   * Waits, bounded, for the process to exit. Its output streams close when it and every child
   * that inherited them have exited; the exit status itself is read from the engine.
   */
  @Override
  public OptionalLong awaitExit(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    long pollNanos = 5_000_000;
    while (true) {
      OptionalLong code = exitCode();
      if (code.isPresent() || System.nanoTime() >= deadline) {
        return code;
      }
      // The engine has no "exit" event for an exec; poll its state, cheaply and bounded.
      LockSupport.parkNanos(Math.min(pollNanos, deadline - System.nanoTime()));
      pollNanos = Math.min(pollNanos * 2, 50_000_000);
    }
  }

  @Override
  public boolean outputClosed() {
    return streamsClosed;
  }

  @Override
  public void close() {
    streams.close(); // the process itself dies with the lane's reset or its container
  }
}
