package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sockspec.bench.Target;
import org.sockspec.probe.host.TreeRemoval;

/**
 * The process sandbox ({@code --sandbox process}): programs run as local processes, for machines
 * with no container engine, such as an autograding platform's container, which is the sandbox
 * there. A {@link LanePool} of {@link ProcessSlot}s: one lane in the machine's one network
 * namespace (its specs one after another, each proven clean before the next), or, where each lane
 * can have a namespace of its own ({@link Confinement}), as many as the container bench would run.
 * The lanes' folders are made under {@code java.io.tmpdir}/sockspec-PID and removed at the end,
 * once every lane has ended what ran as its uid; nothing of the kit's is in them between specs (a
 * reference program's jar is put in a lane's lab folder for its own specs only).
 */
final class ProcessSandbox implements Sandbox {
  private static volatile ProcessSandbox instance;
  private final Confinement confinement = Confinement.detect();
  private final Path base;
  private final LanePool<ProcessSlot> pool;
  private final TimeWaitLedger timeWaits = new TimeWaitLedger();
  /** The machine's folders anyone may write, found once in the background (see {@link WorldWritableFolders}). */
  private final CompletableFuture<List<String>> shared;

  private ProcessSandbox() {
    base = Path.of(System.getProperty("java.io.tmpdir"), "sockspec-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(base);
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the process sandbox's folder " + base + ": " + e.getMessage(), e);
    }
    shared = CompletableFuture.supplyAsync(() -> confinement.confined() ? WorldWritableFolders.find(base) : List.of());
    pool = new LanePool<>(number -> ProcessSlot.open(number, confinement, base, shared.join(), timeWaits,
        SandboxLimits.DEFAULT),
        allowed -> {
          if (!confinement.ownNamespaces()) {
            return 1; // one namespace: one port 12800, one spec at a time
          }
          Integer set = Integer.getInteger("sockspec.lanes");
          return set != null ? set : Math.max(Runtime.getRuntime().availableProcessors(), allowed);
        });
    // At the end, the lanes first (each ends what ran as its uid), then their folders.
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "sockspec-process-folders"));
  }

  static ProcessSandbox instance() {
    ProcessSandbox s = instance;
    if (s == null) {
      synchronized (ProcessSandbox.class) {
        if (instance == null) {
          instance = new ProcessSandbox();
        }
        s = instance;
      }
    }
    return s;
  }

  /**
   * How programs run here, when that is not fully confined; and, where they are, whether they can
   * read the kit's own code (its reference programs are in it): the process sandbox cannot hide a
   * file of the machine from them, only the kit's placement can (the platform packages keep it in a
   * folder only root reads).
   */
  @Override
  public String caveat() {
    String confined = confinement.caveat();
    if (!confined.isEmpty() || !confinement.confined()) {
      return confined;
    }
    Path kit = KitClasses.location("org.sockspec.impl.Main");
    if (kit != null && ReadableByAnyone.holds(kit)) {
      return "the programs under test can read the kit's own code at " + kit + " (its reference programs are "
          + "in it), as every user of this machine can: to grade submissions you do not trust with the process "
          + "sandbox, keep the kit where only root reads it (the platform packages do: chmod 700 on its folder).";
    }
    return "";
  }

  Confinement confinement() {
    return confinement;
  }

  @Override
  public Lane take(Target target) {
    return new ProcessLane(pool.take(target), target, pool);
  }

  @Override
  public int lanes() {
    return pool.lanes();
  }

  @Override
  public void allowAtOnce(int specs) {
    pool.allowAtOnce(specs);
  }

  @Override
  public void warm(int specs) {
    pool.warm(specs);
  }

  @Override
  public void shutdown() {
    pool.shutdown();
    removeFolders();
  }

  /**
   * Removes the lanes' folders, relative to open folders and never through a link: a discarded
   * lane has ended its uid's processes first, and one that could not keeps its folder.
   */
  private void removeFolders() {
    List<String> left = TreeRemoval.empty(base, 1_000_000);
    try {
      if (left.isEmpty()) {
        Files.deleteIfExists(base);
      }
    } catch (IOException e) {
      // left in the temporary folder: nothing of it is needed again
    }
  }
}
