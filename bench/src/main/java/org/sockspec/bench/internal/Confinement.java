package org.sockspec.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the process sandbox can do on this machine, found once: whether the kit is root (then each
 * lane's program runs as a uid of its own, with {@code setpriv}, its limits set with {@code
 * prlimit}), and whether a lane can have a network namespace of its own ({@code unshare -n} works:
 * root with CAP_SYS_ADMIN, as on a build machine; not in an autograding platform's container, which
 * has the engine's default capabilities), else every lane shares the one namespace there is.
 *
 * @param root whether the kit runs as root
 * @param confined whether programs run as uids of their own with limits (root, setpriv and prlimit there)
 * @param ownNamespaces whether each lane gets a network namespace of its own
 * @param limited whether prlimit is there to set the program's resource limits
 */
record Confinement(boolean root, boolean confined, boolean ownNamespaces, boolean limited) {
  /** The first lane's program uid; lane N's is this plus N (none exists in /etc/passwd: nobody else has it). */
  static final int FIRST_UID = 64_000;

  static Confinement detect() {
    boolean root = uid() == 0;
    boolean setpriv = onPath("setpriv");
    boolean prlimit = onPath("prlimit");
    boolean confined = root && setpriv && prlimit;
    boolean namespaces = confined && onPath("unshare") && onPath("nsenter") && onPath("ip")
        && !"shared".equals(System.getProperty("sockspec.process.namespace"))
        && succeeds(List.of("unshare", "-n", "true"));
    return new Confinement(root, confined, namespaces, prlimit);
  }

  /** For the run's one note: how programs run here, when that is not fully confined. */
  String caveat() {
    if (!root) {
      return "the process sandbox runs your program as your own user, unconfined (sockspec is not root here): "
          + "fine for your own program; to grade others' programs, run sockspec as root or use containers.";
    }
    if (!confined) {
      return "the process sandbox cannot confine programs here (setpriv and prlimit, from util-linux, are "
          + "missing): programs run as root. Install util-linux, or use containers.";
    }
    return "";
  }

  private static int uid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
