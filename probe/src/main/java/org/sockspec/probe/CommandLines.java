package org.sockspec.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads /proc/PID/cmdline for one listing of the process table, without letting a fork bomb stall
 * the probe. Reading a command line takes the process's memory-map lock, which fork() holds while
 * it copies the memory map: against hundreds of processes forking at a low CPU share, each read
 * waits about half a second (measured), and a listing takes minutes. So each read runs on a helper
 * thread and gets {@link #WAIT_MS}; the first that does not come in time ends reading for this
 * listing (the others are in the same state), and the rest are left unread. /proc/PID/stat and
 * status take no such lock and are read as usual.
 */
final class CommandLines {
  /** Far above a normal read (microseconds), even with the machine's cores busy. */
  static final long WAIT_MS = 100;
  private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "probe-cmdline");
    thread.setDaemon(true); // one stuck behind a forking process ends when that fork does
    return thread;
  });
  private boolean givenUp;

  /** The command line of {@code pid}, or empty when it exited, is unreadable, or reading was given up. */
  Optional<String> read(Path proc, int pid) {
    if (givenUp) {
      return Optional.empty();
    }
    Future<byte[]> bytes = READERS.submit(() -> Files.readAllBytes(proc.resolve(pid + "/cmdline")));
    try {
      return Optional.of(new String(bytes.get(WAIT_MS, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8)
          .replace('\0', ' ').trim());
    } catch (TimeoutException e) {
      givenUp = true;
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty(); // exited while we looked (an IOException), or unreadable
    }
  }
}
