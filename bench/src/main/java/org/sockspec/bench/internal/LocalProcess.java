package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sockspec.bench.KitException;

/**
 * A process of this machine the kit started (the process sandbox's program and probe): its standard
 * output and error, merged as a terminal shows them, go to the callback as they come, from a thread
 * of their own; its standard input is written to directly.
 */
final class LocalProcess implements ProgramSession {
  private final Process process;
  private final OutputStream stdin;
  private volatile boolean streamsClosed;

  private LocalProcess(Process process, Consumer<byte[]> output, Runnable onClosed) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread reader = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = process.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          output.accept(java.util.Arrays.copyOf(buffer, n));
        }
      } catch (IOException e) {
        // closed by close(): the kit stopped reading
      } finally {
        streamsClosed = true;
        onClosed.run();
      }
    }, "sockspec-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} in {@code directory} with exactly {@code environment}. */
  static LocalProcess start(List<String> command, Path directory, Map<String, String> environment,
      Consumer<byte[]> output, Runnable onClosed) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      return new LocalProcess(builder.start(), output, onClosed);
    } catch (IOException e) {
      throw new KitException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public synchronized void write(byte[] bytes) {
    try {
      stdin.write(bytes);
      stdin.flush();
    } catch (IOException e) {
      // the program closed its standard input, or exited: what it did not read is lost, as at a terminal
    }
  }

  @Override
  public synchronized void endInput() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public OptionalLong exitCode() {
    return process.isAlive() ? OptionalLong.empty() : OptionalLong.of(process.exitValue());
  }

  @Override
  public OptionalLong awaitExit(Duration window) {
    try {
      if (process.waitFor(window.toNanos(), TimeUnit.NANOSECONDS)) {
        return OptionalLong.of(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OptionalLong.empty();
  }

  @Override
  public boolean outputClosed() {
    return streamsClosed;
  }

  /** Lets go of the streams; the process itself is ended by its lane's reset. */
  @Override
  public void close() {
    endInput();
    try {
      process.getInputStream().close();
    } catch (IOException e) {
      // the reader thread ends either way
    }
  }
}
