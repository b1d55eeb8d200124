package org.sockspec.bench;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockspec.bench.internal.TarArchive;

/**
 * How a program's build ended: built (its folder as the build left it, what it printed), or failed
 * (the exit status, or the bound or limit that stopped it, and what it printed).
 *
 * @param build what was run
 * @param status the build's exit status; null when it had not ended when a bound stopped it
 * @param stoppedBy the bound or limit that stopped it or made it fail ("its bound of 120 s", "the
 *     memory limit: ..."); null if none
 * @param log what it printed (its first {@value Builds#LOG_BYTES} bytes), compiler errors and warnings
 * @param ms how long it ran
 * @param cached whether this is a build of the same files kept from an earlier run
 */
public record BuildResult(Build build, Integer status, String stoppedBy, String log, long ms, boolean cached,
    TarArchive tree) {
  /** A line a compiler prints for an error: "srv.c:12:5: error: ...", "Srv.java:3: error: ...", "./srv.go:4:2: ...". */
  private static final Pattern ERROR = Pattern.compile(
      "(?i)(^\\S+:\\d+(:\\d+)?:\\s*(fatal )?error\\b.*)|(^\\S+\\.go:\\d+:\\d+: .*)|(^make: \\*\\*\\*.*)|(^\\S+: (fatal )?error:.*)"
      + "|(^error: .*)");
  private static final Pattern WARNING = Pattern.compile("(?i)^\\S+:\\d+(:\\d+)?:\\s*warning\\b.*|^Note: .*");
  /** How many of the compiler's first errors a verdict names. */
  static final int ERRORS_NAMED = 5;

  /** Whether it built: exit status 0, nothing stopped it. */
  public boolean ok() {
    return stoppedBy == null && status != null && status == 0;
  }

  /** Why it failed, in a clause: "exited with status 1", "was stopped by the memory limit". */
  public Optional<String> failure() {
    if (ok()) {
      return Optional.empty();
    }
    return Optional.of(stoppedBy != null ? "was stopped by " + stoppedBy : "exited with status " + status);
  }

  /** The compiler's first errors, with their files and lines; the log's last lines when none reads as one. */
  public List<String> errors() {
    List<String> lines = log.lines().filter(line -> ERROR.matcher(line).find()).limit(ERRORS_NAMED).toList();
    if (!lines.isEmpty() || ok()) {
      return lines;
    }
    List<String> all = log.lines().filter(line -> !line.isBlank()).toList();
    return all.subList(Math.max(0, all.size() - ERRORS_NAMED), all.size());
  }

  /** The warnings it printed (a build that warns has built). */
  public List<String> warnings() {
    return log.lines().filter(line -> WARNING.matcher(line).find()).toList();
  }
}
