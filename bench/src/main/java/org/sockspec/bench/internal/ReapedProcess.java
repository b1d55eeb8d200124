package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.sockspec.probe.host.TrustedTools;

/**
 * A program of the process sandbox started under its reaper ({@code reaper.py}): a root child
 * subreaper that reaps what the program orphans, as a container's init would, and writes the
 * program's exit status to a file; the program's output and input are its own streams.
 */
final class ReapedProcess implements ProgramSession {
  private static final String REAPER = reaperScript();
  private final LocalProcess reaper;
  private final Path statusFile;

  private ReapedProcess(LocalProcess reaper, Path statusFile) {
    this.reaper = reaper;
    this.statusFile = statusFile;
  }

  /**
   * Starts {@code command} (its first word an absolute path) under a reaper, in {@code directory};
   * {@code prefix} goes before the reaper (to enter a namespace). The reaper is root's Python,
   * isolated and started from {@code /}: nothing of the program's folder is on its path.
   */
  static ReapedProcess start(List<String> prefix, List<String> command, Path statusFile, Path directory,
      Map<String, String> environment, Consumer<byte[]> output, Runnable onClosed) {
    List<String> line = new ArrayList<>(prefix);
    line.addAll(List.of(TrustedTools.path("python3"), "-I", "-S", "-c", REAPER, statusFile.toString(),
        directory.toString()));
    line.addAll(command);
    return new ReapedProcess(LocalProcess.start(line, Path.of("/"), environment, output, onClosed), statusFile);
  }

  /** Whether programs can be started under a reaper here (python3, in a folder only root writes, is its language). */
  static boolean available() {
    return TrustedTools.has("python3");
  }

  @Override
  public void write(byte[] bytes) {
    reaper.write(bytes);
  }

  @Override
  public void endInput() {
    reaper.endInput();
  }

  @Override
  public OptionalLong exitCode() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(statusFile).trim()));
    } catch (NoSuchFileException e) {
      // still running, unless the reaper itself is gone without a word (then it could not start it)
      return reaper.exitCode().isPresent() && !Files.exists(statusFile) ? reaper.exitCode() : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public OptionalLong awaitExit(Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    long pause = 2_000_000;
    while (true) {
      OptionalLong code = exitCode();
      if (code.isPresent() || System.nanoTime() >= deadline) {
        return code;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Math.min(pause, deadline - System.nanoTime()));
      pause = Math.min(pause * 2, 20_000_000);
    }
  }

  @Override
  public boolean outputClosed() {
    return reaper.outputClosed();
  }

  @Override
  public void close() {
    reaper.close();
  }

  private static String reaperScript() {
    try (InputStream in = ReapedProcess.class.getResourceAsStream("reaper.py")) {
      if (in == null) {
        throw new IllegalStateException("the kit jar lacks reaper.py");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
