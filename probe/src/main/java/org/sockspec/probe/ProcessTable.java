package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;
import org.sockspec.probe.protocol.ProbeAnswer.ProcessRow;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processes of the namespace, read from /proc (the probe shares the target's pid namespace):
 * pid, parent, uid, state (Z for a zombie), thread count and command line; and which of them hold
 * which socket, from the {@code socket:[inode]} links in /proc/PID/fd (reading another user's fd
 * directory is why the probe runs with CAP_SYS_PTRACE).
 */
final class ProcessTable {
  private static final Path PROC = Path.of("/proc");
  private final long selfPid = ProcessHandle.current().pid();
  private final ProbeConfig config;

  /** Reads what root without CAP_SYS_PTRACE may not, as the program's uid; null where not needed or possible. */
  private final AsProgram asProgram;

  ProcessTable(ProbeConfig config) {
    this.config = config;
    this.asProgram = config.marker() == null && config.programUid() >= 0 ? new AsProgram(config.programUid()) : null;
  }

  AsProgram asProgram() {
    return asProgram;
  }

  /**
   * Every process, each marked {@code program} when it is the program's; in a shared pid namespace
   * only the program's and the probe's (the machine's other processes are nobody's business here).
   */
  List<ProcessRow> list() throws IOException {
    List<ProcessRow> processes = new ArrayList<>();
    CommandLines cmdlines = new CommandLines();
    Map<Integer, String[]> commandOf = new HashMap<>(); // pid -> {comm, cmdline}, for children
    for (int pid : pids()) {
      ProcessRow process = describe(pid, cmdlines, commandOf);
      if (process != null && (!config.sharedPidNamespace() || process.program() || process.probe())) {
        processes.add(process);
      }
    }
    return processes;
  }

  /** The program's pids, zombies included (a zombie still holds its pid). */
  List<Integer> programPids() throws IOException {
    List<Integer> found = new ArrayList<>();
    for (int pid : pids()) {
      if (pid != selfPid && isProgram(pid, uidOf(pid))) {
        found.add(pid);
      }
    }
    return found;
  }

  /** Clock ticks a second, in which /proc/PID/stat counts (USER_HZ: 100 on Linux). */
  private static final long TICKS = 100;

  /** The time on a run queue, from a {@code schedstat} line: "RUNNING WAITING SLICES" in nanoseconds. */
  static long runQueueNanos(String schedstat) {
    return Long.parseLong(schedstat.trim().split("\\s+")[1]);
  }

  /** The block I/O delay in clock ticks, field 42 of a {@code stat} line (whose command may hold spaces and parentheses). */
  static long blockIoTicks(String stat) {
    return Long.parseLong(statFields(stat)[42 - 3]);
  }

  /** Whether a {@code stat} line's thread is in uninterruptible sleep (state D, field 3). */
  static boolean uninterruptible(String stat) {
    return statFields(stat)[0].equals("D");
  }

  /** A {@code stat} line's fields from the third (state) on: those after the command's last closing parenthesis. */
  private static String[] statFields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
  }

  /**
   * How long the machine has kept the program waiting, as its most delayed live thread was: on a
   * run queue for a CPU (the second field of its {@code /proc/PID/task/TID/schedstat}) and on the
   * disk (field 42 of its {@code stat}, the block I/O delay, counted where the kernel's delay
   * accounting is on: {@code kernel.task_delayacct}). The most, not the sum: a thread waits for
   * itself, and a fork bomb's thousand waits do not make a longer day. 0 where the kernel keeps
   * neither. The kernel counts a wait when it ends; whether one is going on now (a thread in
   * uninterruptible sleep) is said too.
   */
  MachineWait programWaits() throws IOException {
    long cpuNanos = 0;
    long ioTicks = 0;
    boolean held = false;
    for (int pid : programPids()) {
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
        for (Path task : tasks) {
          cpuNanos = Math.max(cpuNanos, runQueueNanos(Files.readString(task.resolve("schedstat"))));
          String stat = Files.readString(task.resolve("stat"));
          ioTicks = Math.max(ioTicks, blockIoTicks(stat));
          held |= uninterruptible(stat);
        }
      } catch (IOException | RuntimeException e) {
        // gone while we looked, or not kept here: nothing to add
      }
    }
    return new MachineWait(cpuNanos / 1_000_000, ioTicks * 1000 / TICKS, held);
  }

  /**
   * Whether {@code pid} (of real uid {@code uid}) is the program's: of the program's uid, or, where
   * the program runs as the kit's own user, carrying the lane's marker in its environment (which
   * every child inherits, a daemon that forked twice included).
   */
  private boolean isProgram(int pid, int uid) {
    if (config.marker() == null) {
      return uid == config.programUid() && uid >= 0;
    }
    try {
      byte[] environ = Files.readAllBytes(PROC.resolve(pid + "/environ"));
      return new String(environ, java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains("SOCKSPEC_PROGRAM=" + config.marker() + "\0");
    } catch (IOException | RuntimeException e) {
      return false; // gone, or not ours to read: not the program
    }
  }

  /**
   * Which processes hold which socket (by inode), and the program's processes whose descriptors
   * could not be read ({@code hidden}: a process that made itself undumpable, where the probe
   * cannot trace): the sockets they hold are held by someone the table cannot name.
   */
  record Owners(Map<Long, Set<Integer>> byInode, Set<Integer> hidden) {}

  Owners socketOwners() throws IOException {
    Map<Long, Set<Integer>> owners = new HashMap<>();
    List<Integer> unreadable = new ArrayList<>();
    for (int pid : pids()) {
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
        for (Path fd : fds) {
          String target;
          try {
            target = Files.readSymbolicLink(fd).toString();
          } catch (java.nio.file.AccessDeniedException e) {
            throw e; // listed, not readable: another uid's, and no CAP_SYS_PTRACE here
          } catch (IOException e) {
            continue; // closed while we looked
          }
          if (target.startsWith("socket:[")) {
            long inode = Long.parseLong(target.substring(8, target.length() - 1));
            owners.computeIfAbsent(inode, k -> new TreeSet<>()).add(pid);
          }
        }
      } catch (java.nio.file.AccessDeniedException e) {
        if (asProgram != null && isProgram(pid, uidOf(pid))) {
          unreadable.add(pid); // the program's, not ours to read without CAP_SYS_PTRACE: read as its uid
        }
      } catch (IOException e) {
        // the process exited while we looked: it owns nothing any more
      }
    }
    if (unreadable.isEmpty()) {
      return new Owners(owners, Set.of());
    }
    AsProgram.Fds read = asProgram.fds(unreadable);
    read.links().forEach((pid, links) -> links.values().stream()
        .filter(target -> target.startsWith("socket:["))
        .forEach(target -> owners.computeIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)),
            k -> new TreeSet<>()).add(pid)));
    return new Owners(owners, read.hidden());
  }

  /** The real uid of {@code pid}, from /proc/PID/status; -1 once it is gone. */
  static int uidOf(long pid) {
    return org.sockspec.probe.host.UidProcesses.uidOf(pid);
  }

  private static List<Integer> pids() throws IOException {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        pids.add(Integer.parseInt(entry.getFileName().toString()));
      }
    }
    pids.sort(null);
    return pids;
  }

  private ProcessRow describe(int pid, CommandLines cmdlines, Map<Integer, String[]> commandOf) {
    try {
      String stat = Files.readString(PROC.resolve(pid + "/stat"));
      // comm is in parentheses and may itself contain spaces or parentheses: split after the last ')'
      int close = stat.lastIndexOf(')');
      String comm = stat.substring(stat.indexOf('(') + 1, close);
      String[] rest = stat.substring(close + 2).split(" ");
      int ppid = Integer.parseInt(rest[1]);
      Optional<String> read = cmdlines.read(PROC, pid);
      String cmdline = read.orElseGet(() -> inherited(commandOf.get(ppid), comm));
      commandOf.put(pid, new String[] {comm, cmdline});
      int uid = -1;
      for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
        if (line.startsWith("Uid:")) {
          uid = Integer.parseInt(line.split("\\s+")[1]);
        }
      }
      return new ProcessRow(pid, ppid, uid, rest[0], Integer.parseInt(rest[17]), comm, cmdline, pid == selfPid,
          pid != selfPid && isProgram(pid, uid));
    } catch (IOException | RuntimeException e) {
      return null; // exited while we looked
    }
  }

  /**
   * A command line left unread: a child with its parent's name runs its parent's program (fork
   * without exec keeps the command line), else it is left empty (shown as [comm]).
   */
  private static String inherited(String[] parent, String comm) {
    return parent != null && parent[0].equals(comm) ? parent[1] : "";
  }
}
