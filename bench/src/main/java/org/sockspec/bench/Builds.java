package org.sockspec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.sockspec.bench.internal.RuntimeImage;

/**
 * Builds a program once, before its first spec: once per run (every spec, every kind it is checked
 * as, shares the build), and once per content across runs: a build is kept in the build cache by a
 * hash of the program's files, the build command, the toolchains' image and the sandbox, so a
 * regrade or {@code grade --resume} does not build again. What is kept is what the build's folder
 * held (read back as data, see {@link BuiltTree}) or, for a build that failed by its own exit
 * status, what it printed; a build stopped by a bound or a limit is not kept (a busy machine may
 * have made it slow).
 *
 * <p>The cache is {@code sockspec.build-cache} (a system property), else {@code
 * $XDG_CACHE_HOME/sockspec/builds}, else {@code ~/.cache/sockspec/builds}; where it cannot be
 * written, builds are kept for the run only.
 */
public final class Builds {
  /** How much of what a build printed is kept and shown. */
  public static final int LOG_BYTES = 64 << 10;
  /** Changes when what a build does or keeps changes: old entries are then not read. */
  private static final String VERSION = "sockspec-build-2";
  /**
   * The run's builds, the most recent {@value #KEPT_IN_MEMORY}: a grader goes through a class program
   * by program, and a build's folder can be megabytes; one let go of is read back from the cache.
   */
  private static final Map<String, CompletableFuture<BuildResult>> RUN = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<BuildResult>> eldest) {
          return size() > KEPT_IN_MEMORY;
        }
      });
  static final int KEPT_IN_MEMORY = 32;

  private Builds() {}

  /**
   * The target ready to run: built if it is to be built (once), else as it is.
   *
   * @throws BuildFailedException when its build failed: a verdict on the program
   */
  public static Target ready(Target target, Sandboxes.Type sandbox, EngineAddress engine) {
    if (target.build().isEmpty()) {
      return target;
    }
    BuildResult result = of(target, sandbox, engine);
    if (!result.ok()) {
      throw new BuildFailedException(result);
    }
    return target.built(result.tree());
  }

  /**
   * The build of {@code target} (which has one) in {@code sandbox}: run now, or the one this run or
   * the cache already has.
   */
  public static BuildResult of(Target target, Sandboxes.Type sandbox, EngineAddress engine) {
    return of(target, sandbox, engine, BuildRun.WALL);
  }

  /**
   * As {@link #of(Target, Sandboxes.Type, EngineAddress)}, a build run now bounded by {@code wall}
   * when that is less than its own bound (what is left of a grading budget).
   */
  public static BuildResult of(Target target, Sandboxes.Type sandbox, EngineAddress engine, java.time.Duration wall) {
    Build build = target.build().orElseThrow(() -> new IllegalArgumentException(target + " is not built"));
    String key = key(target, build, sandbox, engine);
    CompletableFuture<BuildResult> mine = new CompletableFuture<>();
    CompletableFuture<BuildResult> first = RUN.putIfAbsent(key, mine);
    if (first != null) {
      return first.join();
    }
    try {
      BuildResult result = cached(key, build).orElseGet(() -> {
        BuildResult fresh = BuildRun.run(target, build, sandbox, engine,
            wall.compareTo(BuildRun.WALL) < 0 ? wall : BuildRun.WALL);
        keep(key, fresh);
        return fresh;
      });
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      RUN.remove(key); // a kit error (no engine): the next spec may try again, and says so
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static String key(Target target, Build build, Sandboxes.Type sandbox, EngineAddress engine) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {VERSION, sandbox.id(), RuntimeImage.name(),
          engine == null ? "" : engine.text(), build.command()}) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      digest.update(target.files().fingerprint());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** The cache's folder, or null when there is none to write. */
  static Path cacheFolder() {
    String set = System.getProperty("sockspec.build-cache");
    if (set != null) {
      return set.isBlank() || set.equals("off") ? null : Path.of(set);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("sockspec").resolve("builds");
  }

  private static Optional<BuildResult> cached(String key, Build build) {
    Path folder = cacheFolder();
    if (folder == null || !Files.isRegularFile(folder.resolve(key).resolve("result"))) {
      return Optional.empty();
    }
    try {
      Path entry = folder.resolve(key);
      Properties facts = new Properties();
      try (var in = Files.newInputStream(entry.resolve("result"))) {
        facts.load(in);
      }
      int status = Integer.parseInt(facts.getProperty("status"));
      long ms = Long.parseLong(facts.getProperty("ms"));
      String log = Files.readString(entry.resolve("log"), StandardCharsets.UTF_8);
      org.sockspec.bench.internal.TarArchive tree = status != 0 ? null
          : BuiltTree.read(Files.readAllBytes(entry.resolve("tree.tar")), "").files(); // kept with its lab/ paths
      return Optional.of(new BuildResult(build, status, null, log, ms, true, tree));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // an entry half written or damaged: built again, and written anew
    }
  }

  /** Keeps a build that ended by its own exit status; one a bound or a limit stopped is not kept. */
  private static void keep(String key, BuildResult result) {
    Path folder = cacheFolder();
    if (folder == null || result.status() == null || result.stoppedBy() != null) {
      return;
    }
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempDirectory(folder, key + ".");
      Files.writeString(temporary.resolve("log"), result.log(), StandardCharsets.UTF_8);
      if (result.ok()) {
        Files.write(temporary.resolve("tree.tar"), result.tree().bytes());
      }
      Properties facts = new Properties();
      facts.setProperty("status", Integer.toString(result.status()));
      facts.setProperty("ms", Long.toString(result.ms()));
      facts.setProperty("command", result.build().command());
      try (var out = Files.newOutputStream(temporary.resolve("result"))) {
        facts.store(out, "a sockspec build");
      }
      try {
        Files.move(temporary, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException already) {
        deleteQuietly(temporary); // another run kept the same build first
      }
    } catch (IOException | RuntimeException e) {
      // no cache to write: the build is kept for this run only
    }
  }

  private static void deleteQuietly(Path folder) {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // left for the next run's cleaner
    }
  }
}
