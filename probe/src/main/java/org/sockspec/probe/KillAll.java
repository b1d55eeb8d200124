package org.sockspec.probe;

import org.sockspec.probe.host.UidProcesses;

/**
 * {@code kill -KILL -1} as the program's uid (see {@link UidProcesses#killAllAs}). Only where the
 * program has a uid of its own, not the probe's (the process sandbox not run as root): there it
 * does nothing, and the caller's one-by-one kill is all there is.
 */
final class KillAll {
  private KillAll() {}

  static void asTheProgram(ProbeConfig config, long boundMs) {
    if (config.marker() == null) {
      UidProcesses.killAllAs(config.programUid(), boundMs);
    }
  }
}
