package org.sockspec.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sockspec.bench.internal.Lane;
import org.sockspec.bench.internal.LimitsHit;
import org.sockspec.bench.internal.ProgramSession;
import org.sockspec.bench.internal.SandboxLimits;

/**
 * One build, in a lane of the sandbox the specs run in, as the program: same uid, same limits, no
 * network, plus the build's own bounds (its wall time, its output). Two steps, each a process of the
 * program's: the build in a writable copy of its folder (what it prints is the log), then a tar of
 * that copy on its standard output, which {@link BuiltTree} reads in memory. Root never opens what
 * the build wrote; the lane's release ends whatever the build left running.
 */
final class BuildRun {
  /** The build's wall-time bound: a lab's program builds in seconds; a build that loops is stopped here. */
  public static final Duration WALL = Duration.ofSeconds(120);
  /** How long the copy may take to stream back (a few MB at most). */
  static final Duration READ_BACK = Duration.ofSeconds(30);
  /** Past this much output, the build is stopped: a log that long is a flood, not a compiler's errors. */
  static final long OUTPUT_BOUND = 16L << 20;

  /**
   * Copies the program's folder to a scratch folder it may write, and runs the build there. The
   * tools' caches go to the scratch folder too (Go's); modules are not fetched (no network).
   */
  private static final String BUILD = """
      work="${HOME:-/tmp}/.sockspec-build"
      rm -rf "$work" 2>/dev/null
      if ! { mkdir -p "$work/tree" && cp -R ./. "$work/tree/" && cd "$work/tree"; }; then
        echo "sockspec: could not copy the program's folder to $work to build it (is the scratch space full?)"
        exit 125
      fi
      export GOPROXY=off GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOCACHE="$work/go-cache" GOPATH="$work/go"
      exec sh -c "$1" </dev/null 2>&1
      """;
  /** The copy as the build left it, as a tar on standard output. */
  private static final String READ = """
      cd "${HOME:-/tmp}/.sockspec-build/tree" && exec tar --format=posix --numeric-owner -cf - . 2>/dev/null
      """;

  private BuildRun() {}

  static BuildResult run(Target target, Build build, Sandboxes.Type sandbox, EngineAddress engine, Duration wall) {
    long start = System.nanoTime();
    Lane lane = Sandboxes.of(sandbox, engine).take(target);
    try {
      Output log = new Output(OUTPUT_BOUND);
      ProgramSession building = log.start(lane, List.of("/bin/sh", "-c", BUILD, "sh", build.command()));
      building.awaitRunning(READ_BACK);
      // Waited for in slices: a build that hits a limit (a fork bomb the kernel holds at the process
      // limit, say) is stopped when it does, not at the end of its wall time.
      long deadline = System.nanoTime() + wall.toNanos();
      OptionalLong status = OptionalLong.empty();
      String limit = null;
      while (status.isEmpty() && limit == null && !log.flooded() && System.nanoTime() < deadline) {
        status = building.awaitExit(Duration.ofMillis(Math.min(LOOK_EVERY.toMillis(),
            Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
        limit = limitHit(lane);
        // A fork bomb the process limit holds may never end: its shells say their forks are refused.
        if (limit == null && status.isEmpty() && LimitReading.printed(log.text(Builds.LOG_BYTES))
            .filter(SandboxLimit.PROCESSES::equals).isPresent()) {
          limit = printedLimit(SandboxLimit.PROCESSES);
        }
      }
      log.awaitClosed(Duration.ofSeconds(2));
      building.close();
      limit = limit != null ? limit : limitHit(lane);
      if (limit == null && (status.isEmpty() || status.getAsLong() != 0)) {
        // What it printed names the limit it met where no count does (a full disk, a refused allocation).
        limit = LimitReading.printed(log.text(Builds.LOG_BYTES)).map(BuildRun::printedLimit).orElse(null);
      }
      String stoppedBy = limit != null ? limit
          : log.flooded() ? "its output bound (" + (OUTPUT_BOUND >> 20) + " MB)"
          : status.isEmpty() ? "its bound of " + Math.max(1, wall.toSeconds()) + " s" : null;
      String text = log.text(Builds.LOG_BYTES);
      if (stoppedBy != null || status.getAsLong() != 0) {
        return new BuildResult(build, status.isPresent() ? (int) status.getAsLong() : null, stoppedBy, text,
            ms(start), false, null);
      }
      Output copy = new Output(BuiltTree.MAX_BYTES + (1 << 20));
      ProgramSession reading = copy.start(lane, List.of("/bin/sh", "-c", READ));
      OptionalLong read = reading.awaitExit(READ_BACK);
      copy.awaitClosed(Duration.ofSeconds(5));
      reading.close();
      if (read.isEmpty() || read.getAsLong() != 0 || copy.flooded()) {
        return new BuildResult(build, null, copy.flooded() ? "the bound on what a build may leave ("
            + (BuiltTree.MAX_BYTES >> 20) + " MB)" : "its folder could not be read back", text, ms(start), false, null);
      }
      try {
        BuiltTree.Read tree = BuiltTree.read(copy.bytes(), Target.LAB_DIR.substring(1));
        // What the specs will not see is said where the build's output is shown.
        String notes = tree.leftOut().stream().map(entry -> "sockspec: left out of the built folder (only regular "
            + "files are kept): " + entry + "\n").collect(java.util.stream.Collectors.joining());
        return new BuildResult(build, 0, null, text + notes, ms(start), false, tree.files());
      } catch (IllegalArgumentException e) {
        return new BuildResult(build, null, e.getMessage(), text, ms(start), false, null);
      }
    } finally {
      lane.release();
    }
  }

  /** How often a running build's limits are looked at. */
  private static final Duration LOOK_EVERY = Duration.ofMillis(250);

  /** The limit the build hit so far ("the memory limit"), or null. */
  private static String limitHit(Lane lane) {
    return lane.limitsHit().filter(LimitsHit::any).map(hit -> "the " + hit.describe(SandboxLimits.DEFAULT).replace("\n", "; "))
        .orElse(null);
  }

  /** "the disk limit (what it printed says so)". */
  private static String printedLimit(SandboxLimit limit) {
    return "the " + switch (limit) {
      case DISK -> "disk limit";
      case MEMORY -> "memory limit";
      case PROCESSES -> "process limit";
      case OUTPUT -> "output limit";
    } + " (what it printed says so)";
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** What a step prints, kept up to its bound; past it the step is let go of. */
  private static final class Output {
    private final long bound;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean flooded = new AtomicBoolean();
    private volatile ProgramSession session;

    Output(long bound) {
      this.bound = bound;
    }

    ProgramSession start(Lane lane, List<String> command) {
      session = lane.start(command, this::append, closed::countDown);
      return session;
    }

    private synchronized void append(byte[] chunk) {
      if (bytes.size() + chunk.length > bound) {
        if (flooded.compareAndSet(false, true) && session != null) {
          session.close();
        }
        return;
      }
      bytes.writeBytes(chunk);
    }

    void awaitClosed(Duration window) {
      try {
        closed.await(window.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean flooded() {
      return flooded.get();
    }

    synchronized byte[] bytes() {
      return bytes.toByteArray();
    }

    /** The first {@code max} bytes as text (a compiler's output is text; anything else is shown as it decodes). */
    synchronized String text(int max) {
      byte[] all = bytes.toByteArray();
      String text = new String(all, 0, Math.min(all.length, max), StandardCharsets.UTF_8);
      return all.length > max ? text + "\n[... " + (all.length - max) + " more bytes]" : text;
    }
  }
}
