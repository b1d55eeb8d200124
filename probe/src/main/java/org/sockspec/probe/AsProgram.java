package org.sockspec.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What only a process's owner or a tracer may read in /proc (its file descriptors, its threads'
 * system calls and memory), read as the program's own uid by a short helper ({@code
 * as_program.py}, under {@code setpriv}), for where the probe is root without CAP_SYS_PTRACE: an
 * autograding platform's container. The container bench's probe has the capability and never
 * needs this. Bounded: a helper that does not answer within 2 s is killed, and what it said is all
 * there is (a program that kills its own uid's processes only blinds its own evidence); a read of
 * memory, wanted when the program may be a fork bomb, has 5 s.
 */
final class AsProgram {
  private static final String SCRIPT = script();
  private final int uid;

  AsProgram(int uid) {
    this.uid = uid;
  }

  /** pid -> (fd -> link target) for {@code pids}. */
  Map<Integer, Map<String, String>> fds(List<Integer> pids) {
    List<String> args = new ArrayList<>(List.of("fds"));
    pids.forEach(pid -> args.add(Integer.toString(pid)));
    Map<Integer, Map<String, String>> links = new HashMap<>();
    for (String line : run(args)) {
      String[] f = line.split(" ", 4);
      if (f.length == 4 && f[0].equals("fd")) {
        links.computeIfAbsent(Integer.parseInt(f[1]), k -> new HashMap<>()).put(f[2], f[3]);
      }
    }
    return links;
  }

  /**
   * pid -> proportional set size in bytes (Pss of /proc/PID/smaps_rollup) for {@code pids}. Read
   * by one grep, not the Python helper: it is wanted when the program may be a fork bomb, whose
   * hundreds of running processes leave a helper that needs more than a few ms of CPU no time to
   * answer, and whose uid can start no other process (grep forks nothing).
   */
  Map<Integer, Long> pss(List<Integer> pids) {
    List<String> command = new ArrayList<>(List.of("grep", "-H", "^Pss:"));
    pids.forEach(pid -> command.add("/proc/" + pid + "/smaps_rollup"));
    Map<Integer, Long> bytes = new HashMap<>();
    for (String line : runAsProgram(command, 5)) {
      // /proc/PID/smaps_rollup:Pss:      184 kB
      String[] f = line.split("[/:\\s]+");
      if (f.length >= 6 && f[1].equals("proc") && f[3].equals("smaps_rollup") && f[4].equals("Pss")) {
        try {
          bytes.put(Integer.parseInt(f[2]), Long.parseLong(f[5]) * 1024);
        } catch (NumberFormatException e) {
          // not a line of ours
        }
      }
    }
    return bytes;
  }

  /** One process's threads as the helper saw them: its fds, each thread's syscall line and the int at arg 1. */
  record Threads(Map<String, String> fds, Map<Integer, String> syscalls, Map<Integer, Integer> firstArgument) {}

  Threads threads(int pid) {
    Map<String, String> fds = new HashMap<>();
    Map<Integer, String> syscalls = new HashMap<>();
    Map<Integer, Integer> memory = new HashMap<>();
    for (String line : run(List.of("threads", Integer.toString(pid)))) {
      String[] f = line.split(" ", 4);
      if (f[0].equals("fd") && f.length == 4) {
        fds.put(f[2], f[3]);
      } else if (f[0].equals("task") && f.length >= 3) {
        syscalls.put(Integer.parseInt(f[1]), line.substring(("task " + f[1] + " ").length()));
      } else if (f[0].equals("mem") && f.length == 3) {
        memory.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
      }
    }
    return new Threads(fds, syscalls, memory);
  }

  private List<String> run(List<String> args) {
    List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT));
    command.addAll(args);
    return runAsProgram(command, 2);
  }

  private List<String> runAsProgram(List<String> what, int boundSeconds) {
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
        "--"));
    command.addAll(what);
    try {
      Process helper = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      helper.getOutputStream().close();
      // Its few lines fit the pipe: wait first (bounded), then read what it wrote, killed or not.
      if (!helper.waitFor(boundSeconds, TimeUnit.SECONDS)) {
        helper.destroyForcibly();
      }
      byte[] out;
      try (InputStream in = helper.getInputStream()) {
        out = in.readNBytes(1 << 20);
      }
      return new String(out, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of(); // no setpriv or python3 here: nothing more to read
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static String script() {
    try (InputStream in = AsProgram.class.getResourceAsStream("as_program.py")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
