package org.sockspec.cli.grade;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockspec.bench.ProgramOutput;
import org.sockspec.bench.internal.SandboxLimits;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.SpecExtension;

/**
 * Reads a spec's result as a grade's {@link Verdict}, with the reason in a few words: which limit,
 * which status or signal. Only the kit's own messages and the program's captured output are read,
 * as text; nothing the program printed is ever parsed as a result.
 */
final class Diagnosis {
  /** Given.whyNotListening's headline: the program never got to listen or bind on the port. */
  private static final Pattern NOT_LISTENING = Pattern.compile("^Expecting the program to (listen on TCP|bind UDP) port");
  private static final Pattern EXIT_STATUS = Pattern.compile("exited with status (\\d+)");
  private static final Pattern DEADLINE = Pattern.compile("TimeoutException: .*timed out after");
  private static final Pattern PROCESS_LINE = Pattern.compile("(?m)^\\s*\\d+\\s");

  /** A verdict and its reason ("memory limit", "status 1", "signal 9"), possibly empty. */
  record Reading(Verdict verdict, String reason) {}

  private Diagnosis() {}

  static Reading of(SpecResult result) {
    if (result.status() == Status.PASSED) {
      return new Reading(Verdict.PASSED, "");
    }
    String message = result.message();
    if (result.status() == Status.ERROR || result.status() == Status.SKIPPED) {
      if (DEADLINE.matcher(message).find()) {
        return new Reading(Verdict.TIMED_OUT, "the spec's deadline ran out");
      }
      return new Reading(Verdict.KIT_ERROR, "");
    }
    String everything = message + "\n" + String.join("\n", result.evidence().values());
    String lower = everything.toLowerCase(Locale.ROOT);
    if (everything.contains(ProgramOutput.STOPPED)) {
      return new Reading(Verdict.LIMIT, "output limit");
    }
    // The kernel's own counters, where the bench could read them (LimitsHit), before any text.
    String limits = result.evidence().getOrDefault("limits", "");
    boolean memory = limits.contains("memory limit");
    boolean processes = limits.contains("process limit");
    if (memory || processes) {
      return new Reading(Verdict.LIMIT, memory && processes ? "process and memory limits"
          : memory ? "memory limit" : "process limit");
    }
    if (limits.contains("disk limit") || lower.contains("no space left on device") || lower.contains("errno 28")
        || lower.contains("file too large") || lower.contains("errno 27")
        || lower.contains("disk quota exceeded")) {
      return new Reading(Verdict.LIMIT, "disk limit (scratch space full)");
    }
    if (lower.contains("memoryerror") || lower.contains("cannot allocate memory")) {
      return new Reading(Verdict.LIMIT, "memory limit");
    }
    if (lower.contains("resource temporarily unavailable") && lower.contains("fork")
        || processCount(result) >= SandboxLimits.DEFAULT.pids() / 2) {
      return new Reading(Verdict.LIMIT, "process limit");
    }
    if (message.startsWith(SpecExtension.BROKE_THE_BENCH)) {
      return new Reading(Verdict.CRASHED, "broke the bench");
    }
    Matcher status = EXIT_STATUS.matcher(message);
    if (NOT_LISTENING.matcher(message).find() && status.find()) {
      int code = Integer.parseInt(status.group(1));
      if (code == 137) {
        // SIGKILL inside a target: nothing but the kernel's OOM killer sends it mid-start.
        return new Reading(Verdict.LIMIT, "memory limit (killed by signal 9)");
      }
      return new Reading(Verdict.CRASHED, code > 128 ? "signal " + (code - 128) : "status " + code);
    }
    if (NOT_LISTENING.matcher(message).find() && message.contains("never did")) {
      return new Reading(Verdict.TIMED_OUT, "never listened");
    }
    return new Reading(Verdict.FAILED, "");
  }

  /** Whether the result says the server never listened or bound on its port (the costly case to repeat). */
  static boolean neverListened(SpecResult result) {
    return result.status() == Status.FAILED && NOT_LISTENING.matcher(result.message()).find();
  }

  /** Processes in the result's process table (a fork bomb fills it). */
  private static long processCount(SpecResult result) {
    String table = result.evidence().getOrDefault("processes", "");
    return PROCESS_LINE.matcher(table).results().count();
  }
}
