package org.sockspec.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The probe: reads one request per line on standard input, answers one JSON object per line on
 * standard output ({@code ID JSON}), in order. It runs as root in its own container that shares
 * the target's network and pid namespaces, so everything it opens talks over the target's
 * loopback and everything it reads describes the target's sockets and processes.
 *
 * <p>Requests are served one at a time and every one of them is bounded by a timeout the kit
 * passes, so the kit can always tell a slow answer from a lost probe. End of input ends the probe.
 *
 * <p>One agent serves spec after spec in the same target: {@code bench.reset} ends what a spec
 * left and proves the namespace as new (see {@link Reset}), {@code lab.put} puts the next
 * program's files in place. Its command line says where the target is ({@link ProbeConfig}).
 */
public final class ProbeAgent {
  private final ProbeConfig config;
  private final Residue residue = new Residue();
  private final Handles handles = new Handles();
  private final TcpCommands tcp = new TcpCommands(handles);
  private final UdpCommands udp = new UdpCommands(handles);
  private final BurstCommands bursts = new BurstCommands(handles);
  private final ProcessTable processes;
  private final ThreadTable threads;
  private final LabFiles files;
  private final Reset reset;
  private final Watchdog watchdog;
  /** The port of the target the lane serves now ({@code lane.target}): what is the lane's in a shared namespace. */
  private volatile int lanePort = -1;

  ProbeAgent(ProbeConfig config) {
    this.config = config;
    this.processes = new ProcessTable(config);
    this.threads = new ThreadTable(Syscalls.current(), processes.asProgram());
    this.files = new LabFiles(config);
    this.reset = new Reset(config, handles, files, residue, processes);
    this.watchdog = config.watch() == null ? null : new Watchdog(processes, config);
    if (config.sharedNamespace()) {
      // The namespace was in use before this lane: its TIME_WAITs are none of the lane's.
      try {
        residue.record(ProcNetSockets.read(java.util.Map.of()));
      } catch (IOException e) {
        // no /proc/net: nothing to leave out
      }
    }
  }

  /** An agent with the container bench's defaults (tests that only drive sockets). */
  ProbeAgent() {
    this(ProbeConfig.CONTAINER);
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ProbeAgent agent = new ProbeAgent(ProbeConfig.parse(args));
    out.println("ready " + Json.object().put("pid", ProcessHandle.current().pid()));
    out.flush();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String id = line.split(" ", 2)[0];
      out.println(id + " " + agent.answer(line));
      out.flush();
    }
    agent.handles.closeAll();
  }

  /** verb -> {calls, CPU nanoseconds of the serving thread}: what {@code probe.stats} answers. */
  private final java.util.Map<String, long[]> stats = new java.util.TreeMap<>();
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  String answer(String line) {
    try {
      Request request = Request.parse(line);
      if (request.verb().equals("probe.stats")) {
        Json answer = Json.object().put("outcome", "stats");
        stats.forEach((verb, s) -> answer.put(verb, s[0] + " calls, " + s[1] / 1_000_000 + " ms CPU"));
        return answer.toString();
      }
      long cpu = CPU.getCurrentThreadCpuTime();
      try {
        return dispatch(request).toString();
      } finally {
        long[] s = stats.computeIfAbsent(request.verb(), v -> new long[2]);
        s[0]++;
        s[1] += CPU.getCurrentThreadCpuTime() - cpu;
      }
    } catch (ProbeException | IllegalArgumentException e) {
      return Json.object().put("outcome", "error").put("error", e.getMessage()).toString();
    } catch (IOException | RuntimeException e) {
      return Json.object().put("outcome", "error").put("error", e.toString()).toString();
    }
  }

  private Json dispatch(Request r) throws IOException {
    return switch (r.verb()) {
      case "tcp.connect" -> tcp.connect(r);
      case "tcp.send" -> tcp.send(r);
      case "tcp.recv" -> tcp.recv(r);
      case "tcp.close" -> tcp.close(r);
      case "tcp.abort" -> tcp.abort(r);
      case "tcp.listen" -> tcp.listen(r);
      case "tcp.accept" -> tcp.accept(r);
      case "udp.open" -> udp.open(r);
      case "udp.send" -> udp.send(r);
      case "udp.recv" -> udp.recv(r);
      case "udp.close" -> udp.close(r);
      case "udp.burst" -> bursts.udpBurst(r);
      case "udp.drain" -> bursts.udpDrain(r);
      case "tcp.burst" -> bursts.tcpBurst(r);
      case "tcp.serve" -> serve(r, Responder.tcp(r.integer(1), r.bytes(2)));
      case "udp.serve" -> serve(r, Responder.udp(r.integer(1), r.bytes(2)));
      case "serve.log" -> handles.get(r.text(0), Responder.class).transcript();
      case "net.sockets" -> Json.object().put("outcome", "table").put("sockets", sockets());
      case "lane.target" -> {
        lanePort = r.integer(0);
        if (watchdog != null) {
          watchdog.restart();
        }
        yield Json.object().put("outcome", "target");
      }
      case "net.counters" -> Json.object().put("outcome", "counters").put("counters", Counters.read());
      case "proc.list" -> Json.object().put("outcome", "processes").put("processes", processes.list());
      case "proc.signal" -> signal(r.integer(0), r.text(1));
      case "proc.threads" -> threads.list(r.integer(0));
      case "await.socket" -> Awaits.socket(r, residue);
      case "lab.put" -> files.put(r);
      case "limits.hit" -> watchdog == null ? Json.object().put("outcome", "none") : watchdog.hit();
      case "bench.reset" -> reset.run(r);
      case "close" -> {
        handles.close(r.text(0));
        yield Json.object().put("outcome", "closed");
      }
      default -> throw new ProbeException("unknown verb " + r.verb());
    };
  }

  /**
   * The namespace's sockets with their owners; in a namespace shared with the rest of the machine
   * only the lane's: those on the target's port (either end) and those the program or the probe
   * holds, so that no socket of another process shows in a spec's table.
   */
  private List<Json> sockets() throws IOException {
    List<Json> all = ProcNetSockets.read(processes.socketOwners(), residue);
    if (!config.sharedNamespace()) {
      return all;
    }
    java.util.Set<Integer> lane = new java.util.HashSet<>(processes.programPids());
    lane.add((int) ProcessHandle.current().pid());
    return all.stream().filter(s -> s.get("localPort").equals(lanePort) || s.get("remotePort").equals(lanePort)
        || ((List<?>) s.get("pids")).stream().anyMatch(lane::contains)).toList();
  }

  private Json serve(Request r, Responder responder) {
    handles.put(r.text(0), responder);
    return Json.object().put("outcome", "serving");
  }

  /** {@code proc.signal PID SIGNAL}: SIGNAL is a name such as STOP, CONT, TERM, KILL. */
  private static Json signal(int pid, String signal) throws IOException {
    if (!signal.matches("[A-Z0-9]+")) {
      throw new ProbeException("not a signal name: " + signal);
    }
    Process kill = new ProcessBuilder("kill", "-" + signal, Integer.toString(pid))
        .redirectErrorStream(true).start();
    try {
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new ProbeException("kill -" + signal + " " + pid + " did not finish within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeException("interrupted");
    }
    String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return Json.object().put("outcome", kill.exitValue() == 0 ? "signalled" : "error")
        .put("error", output);
  }
}
