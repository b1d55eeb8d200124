package org.sockspec.probe;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * {@code kill -KILL -1} as the program's uid: it signals every process of that uid but the killer
 * itself, in one pass of the kernel's process list, so a fork bomb cannot outrun it as it outruns a
 * kill of the pids seen a moment before. Only where the program's uid is not the probe's own, where
 * -1 would end the kit too (the process sandbox not run as root); there it does nothing, and the
 * caller's one-by-one kill is all there is.
 */
final class KillAll {
  private KillAll() {}

  static void asTheProgram(ProbeConfig config, long boundMs) {
    if (config.marker() != null || config.programUid() == ProcessTable.uidOf(ProcessHandle.current().pid())) {
      return;
    }
    String uid = Integer.toString(config.programUid());
    try {
      Process kill = new ProcessBuilder("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--",
          "kill", "-KILL", "-1").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!kill.waitFor(boundMs, TimeUnit.MILLISECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // no setpriv here: the caller's one-by-one kill still ends every process it sees
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
