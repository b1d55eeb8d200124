package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sockspec.bench.Target;

/**
 * The process sandbox ({@code --sandbox process}): programs run as local processes, for machines
 * with no container engine, such as an autograding platform's container, which is the sandbox
 * there. A {@link LanePool} of {@link ProcessSlot}s: one lane in the machine's one network
 * namespace (its specs one after another, each proven clean before the next), or, where each lane
 * can have a namespace of its own ({@link Confinement}), as many as the container bench would run.
 * The lanes' folders are made under {@code java.io.tmpdir}/sockspec-PID and removed at the end.
 */
final class ProcessSandbox implements Sandbox {
  private static volatile ProcessSandbox instance;
  private final Confinement confinement = Confinement.detect();
  private final Path base;
  private final LanePool<ProcessSlot> pool;

  private ProcessSandbox() {
    base = Path.of(System.getProperty("java.io.tmpdir"), "sockspec-" + ProcessHandle.current().pid());
    Path implJar = base.resolve("sockspec-impl.jar");
    try {
      Files.createDirectories(base);
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
      TarArchive jar = new TarArchive();
      if (KitClasses.addJar(jar, "org.sockspec.impl.Main", "org/sockspec/impl/", KitImage.IMPL_JAR)) {
        Files.write(implJar, jar.content(KitImage.IMPL_JAR));
        Files.setPosixFilePermissions(implJar, PosixFilePermissions.fromString("rw-r--r--"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the process sandbox's folder " + base + ": " + e.getMessage(), e);
    }
    pool = new LanePool<>(number -> ProcessSlot.open(number, confinement, base, implJar, SandboxLimits.DEFAULT),
        allowed -> {
          if (!confinement.ownNamespaces()) {
            return 1; // one namespace: one port 12800, one spec at a time
          }
          Integer set = Integer.getInteger("sockspec.lanes");
          return set != null ? set : Math.max(Runtime.getRuntime().availableProcessors(), allowed);
        });
    Runtime.getRuntime().addShutdownHook(new Thread(this::removeFolders, "sockspec-process-folders"));
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

  @Override
  public String caveat() {
    return confinement.caveat();
  }

  Confinement confinement() {
    return confinement;
  }

  @Override
  public Lane take(Target target) {
    return new ProcessLane(pool.take(target), target.port(), pool);
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

  private void removeFolders() {
    try (Stream<Path> all = Files.walk(base)) {
      all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // gone already, or left in the temporary folder: nothing of it is needed again
    }
  }
}
