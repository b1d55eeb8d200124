package org.sockspec.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockspec.bench.OwnTimeWait;
import org.sockspec.bench.Target;
import org.sockspec.probe.host.SysvIpc;
import org.sockspec.probe.host.TreeRemoval;
import org.sockspec.probe.host.TrustedTools;
import org.sockspec.probe.host.UidProcesses;
import org.sockspec.probe.protocol.ProbeAnswer.Limits;
import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeRequest;

/**
 * A lane of the process sandbox: a folder of its own ({@code lab} the program reads, {@code home}
 * and {@code tmp} it writes), a uid of its own where the kit is root, the probe agent as a local
 * process (as root, in a network namespace of the lane's own where {@link Confinement} allows, else
 * in the machine's), and the program started by the kit, confined by {@code setpriv} and
 * {@code prlimit} and watched by the probe for the limits no rlimit sets. The same probe, the same
 * reset and the same proof between specs as in the container bench.
 *
 * <p>Root runs nothing the program can influence: every tool by its absolute path in a folder only
 * root writes ({@link TrustedTools}), the reaper's Python isolated and started from {@code /}. A lane
 * that is discarded (its reset failed, its probe was lost) ends every process of its uid and removes
 * what it left before it goes: a lane is never dropped with the program alive.
 */
final class ProcessSlot implements Slot {
  /** Ending the processes of a discarded lane's uid, and removing its files, takes at most this. */
  private static final long DISCARD_BOUND_MS = 5_000;
  /** Entries looked at, at most, when a discarded lane's folders are emptied (as the probe's reset does). */
  private static final int ENTRY_BOUND = 100_000;
  private final int number;
  private final Confinement confinement;
  private final Path dir;
  private final Path lab;
  private final Path home;
  private final Path tmp;
  private final int uid;
  private final String marker;
  private final List<String> shared;
  private final TimeWaitLedger timeWaits;
  private final LocalProcess agent;
  private final ProbeChannel channel;
  private final SandboxLimits limits;
  private int uses;
  private int starts;
  /** A TIME_WAIT the last spec's program left on its port, in the machine's namespace: who made it, until when. */
  private PortWait pending;
  /** Why the current spec's program cannot be started on its port, if it cannot. */
  private volatile OwnTimeWait blocked;

  private record PortWait(int port, long untilNanos, String madeBy) {
    Duration left() {
      return Duration.ofNanos(Math.max(0, untilNanos - System.nanoTime()));
    }
  }

  private ProcessSlot(int number, Confinement confinement, Path base, List<String> shared, TimeWaitLedger timeWaits,
      SandboxLimits limits) {
    this.number = number;
    this.confinement = confinement;
    this.limits = limits;
    this.shared = shared;
    this.timeWaits = timeWaits;
    this.uid = confinement.confined() ? Confinement.FIRST_UID + number : -1;
    this.marker = confinement.confined() ? null : "lane-" + ProcessHandle.current().pid() + "-" + number;
    dir = base.resolve("lane-" + number);
    lab = dir.resolve("lab");
    home = dir.resolve("home");
    tmp = dir.resolve("tmp");
    makeFolders();
    LocalProcess[] started = new LocalProcess[1];
    channel = new ProbeChannel((output, closed) -> started[0] = LocalProcess.start(agentCommand(), Path.of("/"),
        environment(false), output, closed));
    agent = started[0];
  }

  static ProcessSlot open(int number, Confinement confinement, Path base, List<String> shared,
      TimeWaitLedger timeWaits, SandboxLimits limits) {
    Trace.log("process lane " + number + ": opening");
    ProcessSlot slot = new ProcessSlot(number, confinement, base, shared, timeWaits, limits);
    Trace.log("process lane " + number + ": probe ready (pid " + slot.agent.pid() + ")");
    return slot;
  }

  /**
   * {@code lane-N/} is root's, open to traversal only; {@code lab/} root's, readable by the lane's
   * group alone (no other lane's program reads it); {@code home/} and {@code tmp/} the program's own.
   */
  private void makeFolders() {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      for (Path folder : List.of(lab, home, tmp)) {
        Files.createDirectories(folder);
      }
      if (confinement.confined()) {
        Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setAttribute(lab, "unix:gid", uid);
        for (Path own : List.of(home, tmp)) {
          Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
          Files.setAttribute(own, "unix:uid", uid);
          Files.setAttribute(own, "unix:gid", uid);
        }
      } else {
        Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the process sandbox's folders in " + dir + ": " + e.getMessage(), e);
    }
  }

  private List<String> agentCommand() {
    List<String> options = new ArrayList<>(List.of("--root", "/", "--lab", lab.toString(),
        "--scratch", home + "," + tmp, "--namespace", confinement.ownNamespaces() ? "own" : "shared",
        "--watch", limits.memoryBytes() + "," + limits.pids() + "," + 2 * limits.scratchBytes(),
        "--work", dir.resolve("probe").toString()));
    if (marker == null) {
      options.addAll(List.of("--uid", Integer.toString(uid), "--shared", String.join(",", shared)));
    } else {
      options.addAll(List.of("--uid", "-1", "--marker", marker));
    }
    Path classes = KitClasses.location("org.sockspec.probe.ProbeAgent");
    List<String> command = new ArrayList<>();
    if (confinement.ownNamespaces()) {
      // A namespace of the lane's own, its loopback up, the probe as its first process, and the
      // sysctls the container bench sets in each target's (see TargetContainer).
      command.addAll(List.of(TrustedTools.path("unshare"), "-n", "--", TrustedTools.path("sh"), "-c",
          "ip link set lo up && { echo 1 > /proc/sys/net/ipv4/tcp_migrate_req; "
          + "echo 1 > /proc/sys/net/ipv4/tcp_no_metrics_save; } 2>/dev/null; exec \"$@\"", "sh"));
    }
    command.addAll(ProbeChannel.agentCommand(classes.toString(), options));
    command.set(command.indexOf("java"), javaBinary());
    return command;
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The environment of the probe, or of the program: nothing else of the kit's; the program's home
   * and temporary folder its own, Python unbuffered and writing no .pyc (as in a container), and,
   * where it runs as the kit's own user, the lane's marker, by which its processes are known. Root's
   * probe has only the folders only root can write on its PATH.
   */
  private Map<String, String> environment(boolean program) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", program ? System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin")
        : TrustedTools.trustedPath());
    env.put("LANG", "C.UTF-8");
    if (program) {
      env.put("HOME", home.toString());
      env.put("TMPDIR", tmp.toString());
      env.put("PYTHONUNBUFFERED", "1");
      env.put("PYTHONDONTWRITEBYTECODE", "1");
      if (marker != null) {
        env.put("SOCKSPEC_PROGRAM", marker);
      }
    }
    return env;
  }

  /**
   * Starts {@code command} as the program: in the lane's namespace, as its uid, with its limits and
   * a lower CPU weight, SIGXFSZ ignored (a file past the size limit is refused, EFBIG, as a full disk
   * would refuse it, rather than killing the program unseen).
   *
   * @throws OwnTimeWait when a TIME_WAIT of the submission's own making holds the port and the
   *     submission's share of waiting for such is spent
   */
  ProgramSession startProgram(List<String> command, java.util.function.Consumer<byte[]> output, Runnable onClosed) {
    OwnTimeWait refusal = blocked;
    if (refusal != null) {
      throw refusal;
    }
    List<String> namespace = confinement.ownNamespaces()
        ? List.of(TrustedTools.path("nsenter"), "--net=/proc/" + agent.pid() + "/ns/net", "--") : List.of();
    List<String> line = new ArrayList<>();
    if (confinement.confined()) {
      line.addAll(List.of(TrustedTools.path("setpriv"), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
          "--inh-caps=-all", "--no-new-privs", "--"));
    }
    if (confinement.limited()) {
      line.addAll(List.of(TrustedTools.path("prlimit"), "--nofile=1024", "--fsize=" + limits.scratchBytes(),
          "--core=0", "--data=" + limits.memoryBytes(), "--cpu=300"));
      if (confinement.confined()) {
        line.add("--nproc=" + limits.pids()); // per uid: the lane's own uid holds nothing else
      }
      line.add("--");
    }
    // A lower CPU weight than the kit's, about the container bench's (cpu shares 512 of 1024). Not
    // lower: under load an honest program must keep its pace (at nice 10 beside two busy loops, a
    // Java client took over 2 s to exit). The shares weigh a container's processes as one group;
    // here each weighs alone, so a fork bomb's 256 copies leave the probe little (its helpers' read
    // of their memory took 3.3 s): the watchdog counts processes first, which needs no helper.
    line.addAll(List.of(TrustedTools.path("nice"), "-n", "3", TrustedTools.path("sh"), "-c",
        "trap '' XFSZ; exec \"$@\"", "sh"));
    line.addAll(command);
    if (confinement.confined() && ReapedProcess.available()) {
      // Root's reaper, then the program's privileges dropped: what it orphans is reaped, as in a container.
      Path status = dir.resolve("exit-" + (++starts));
      return ReapedProcess.start(namespace, line, status, lab, environment(true), output, onClosed);
    }
    List<String> whole = new ArrayList<>(namespace);
    whole.addAll(line);
    return LocalProcess.start(whole, lab, environment(true), output, onClosed);
  }

  /**
   * Puts the target's files in place; first, where the machine's namespace holds a TIME_WAIT the last
   * spec's program left on this target's port, waits it out, or, when its maker is this target's
   * submission and its share of such waits is spent, refuses to start the target's programs.
   */
  @Override
  public void prepare(Target target) {
    blocked = null;
    try (java.util.stream.Stream<Path> old = Files.list(dir)) {
      for (Path file : old.filter(f -> f.getFileName().toString().startsWith("exit-")).toList()) {
        Files.deleteIfExists(file); // the last spec's programs' exit statuses
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy " + dir + ": " + e.getMessage(), e);
    }
    PortWait wait = pending;
    if (wait != null && wait.port() == target.port() && !wait.left().isZero()) {
      boolean own = wait.madeBy().equals(target.source());
      Duration left = wait.left();
      if (own && !timeWaits.affords(target.source(), left)) {
        blocked = new OwnTimeWait(target.port(), left, timeWaits.spent(target.source()), TimeWaitLedger.BUDGET);
      } else {
        long start = System.nanoTime();
        ResetDone done = LaneProbe.reset(channel, target.port(), Duration.ofSeconds(15), left.plusSeconds(2), name());
        if (own) {
          timeWaits.charge(target.source(), Duration.ofNanos(System.nanoTime() - start));
        }
        pending = done.timeWaitLeftMs() > 0 ? wait : null;
      }
    } else if (wait != null && wait.left().isZero()) {
      pending = null;
    }
    LaneProbe.prepare(channel, target);
  }

  @Override
  public boolean reset(Target target) {
    try {
      ResetDone done = LaneProbe.reset(channel, target.port(), Duration.ofSeconds(90), Duration.ZERO, name());
      if (done.clean()) {
        if (done.timeWaitLeftMs() > 0) {
          pending = new PortWait(target.port(), System.nanoTime() + done.timeWaitLeftMs() * 1_000_000,
              target.source());
        }
        uses++;
        return true;
      }
      return false;
    } catch (RuntimeException e) {
      Trace.log(name() + " discarded: the reset failed: " + e.getMessage());
      return false;
    }
  }

  /** What the probe's watchdog stopped the program for since the spec began. */
  LimitsHit limitsHit() {
    Limits hit = channel.call(Duration.ofSeconds(5), new ProbeRequest.LimitsHit(), Limits.class);
    return new LimitsHit(hit.memoryStops(), hit.processStops(), hit.diskStops(), LimitsHit.CountedBy.WATCHDOG,
        hit.memorySeenBytes());
  }

  ProbeChannel channel() {
    return channel;
  }

  int probePid() {
    return channel.agentPid();
  }

  String describe() {
    return "target process lane " + number + " (" + (uid >= 0 ? "uid " + uid : "your own user") + ", "
        + (confinement.ownNamespaces() ? "a network namespace of its own" : "the machine's network namespace")
        + "), probe pid " + channel.agentPid();
  }

  /**
   * Ends the probe, and everything of the lane's uid: its processes (all at once as that uid, then
   * one by one), its System V IPC objects, its files in the lane's folders and in the places anyone
   * may write. The lane's uid is never used again, but what ran as it must not outlive the lane.
   */
  @Override
  public void discard() {
    channel.close();
    agent.close();
    ProcessHandle.of(agent.pid()).ifPresent(ProcessHandle::destroyForcibly);
    if (uid < 0) {
      return; // the program ran as the kit's own user: nothing of its can be told apart from the kit's
    }
    try {
      List<Integer> left = UidProcesses.endAll(uid, DISCARD_BOUND_MS);
      if (!left.isEmpty()) {
        Trace.log(name() + ": " + left.size() + " process(es) of uid " + uid + " outlived the discard: " + left);
        return; // its files stay where they are: nothing is removed while something of it runs
      }
    } catch (IOException e) {
      Trace.log(name() + ": cannot list the processes of uid " + uid + ": " + e.getMessage());
      return;
    }
    List<String> problems = new ArrayList<>(SysvIpc.remove(uid));
    for (String folder : shared) {
      problems.addAll(TreeRemoval.removeOwned(Path.of(folder), uid, ENTRY_BOUND));
    }
    for (Path own : List.of(home, tmp, lab)) {
      problems.addAll(TreeRemoval.empty(own, ENTRY_BOUND));
    }
    if (!problems.isEmpty()) {
      Trace.log(name() + ": discarded with leftovers: " + problems);
    }
  }

  @Override
  public String name() {
    return "process lane " + number;
  }

  @Override
  public int uses() {
    return uses;
  }
}
