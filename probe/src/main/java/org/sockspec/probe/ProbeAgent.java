package org.sockspec.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sockspec.probe.protocol.ProbeAnswer;
import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeAnswer.KernelCounters;
import org.sockspec.probe.protocol.ProbeAnswer.Limits;
import org.sockspec.probe.protocol.ProbeAnswer.Processes;
import org.sockspec.probe.protocol.ProbeAnswer.Signalled;
import org.sockspec.probe.protocol.ProbeAnswer.SocketAwaited;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.ProbeAnswer.Sockets;
import org.sockspec.probe.protocol.ProbeAnswer.Stats;
import org.sockspec.probe.protocol.ProbeRequest;
import org.sockspec.probe.protocol.ProbeRequest.AwaitSocket;
import org.sockspec.probe.protocol.ProbeRequest.BenchReset;
import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import org.sockspec.probe.protocol.ProbeRequest.LaneTarget;
import org.sockspec.probe.protocol.ProbeRequest.ProcSignal;
import org.sockspec.probe.protocol.ProbeRequest.ProcThreads;
import org.sockspec.probe.protocol.ProbeRequest.Serve;
import org.sockspec.probe.protocol.ProbeRequest.ServeLog;
import org.sockspec.probe.protocol.ProbeRequest.TcpAbort;
import org.sockspec.probe.protocol.ProbeRequest.TcpBurst;
import org.sockspec.probe.protocol.ProbeRequest.TcpClose;
import org.sockspec.probe.protocol.ProbeRequest.TcpConnect;
import org.sockspec.probe.protocol.ProbeRequest.TcpRecv;
import org.sockspec.probe.protocol.ProbeRequest.TcpSend;
import org.sockspec.probe.protocol.ProbeRequest.UdpBurst;
import org.sockspec.probe.protocol.ProbeRequest.UdpDrain;
import org.sockspec.probe.protocol.ProbeRequest.UdpOpen;
import org.sockspec.probe.protocol.ProbeRequest.UdpRecv;
import org.sockspec.probe.protocol.ProbeRequest.UdpSend;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.probe.protocol.RequestLine;
import org.sockspec.probe.protocol.Verb;
import org.sockspec.probe.host.TrustedTools;

/**
 * The probe: reads one request per line on standard input, answers one JSON object per line on
 * standard output ({@code ID JSON}), in order. It runs as root in its own container that shares
 * the target's network and pid namespaces, so everything it opens talks over the target's
 * loopback and everything it reads describes the target's sockets and processes.
 *
 * <p>Requests and answers are the records of {@link ProbeRequest} and {@link ProbeAnswer}, on the
 * wire as {@link RequestLine} and one JSON object. Requests are served one at a time and every one of them is bounded by a timeout the kit
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
  private final Capture capture;
  /** The port of the target the lane serves now ({@code lane.target}): what is the lane's in a shared namespace. */
  private volatile int lanePort = -1;

  ProbeAgent(ProbeConfig config) {
    this.config = config;
    this.capture = new Capture(config.work());
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
  private final java.util.Map<Verb, long[]> stats = new java.util.EnumMap<>(Verb.class);
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /** The answer line's JSON for one request line: its answer, or {@code {"outcome":"error",...}}. */
  String answer(String line) {
    try {
      ProbeRequest request = RequestLine.read(line).request();
      Verb verb = Verb.of(request);
      long cpu = CPU.getCurrentThreadCpuTime();
      try {
        return Json.of((Record) dispatch(verb, request));
      } finally {
        long[] s = stats.computeIfAbsent(verb, v -> new long[2]);
        s[0]++;
        s[1] += CPU.getCurrentThreadCpuTime() - cpu;
      }
    } catch (ProbeException | IllegalArgumentException e) {
      return Json.object().put("outcome", "error").put("error", e.getMessage()).toString();
    } catch (IOException | RuntimeException e) {
      return Json.object().put("outcome", "error").put("error", e.toString()).toString();
    }
  }

  private ProbeAnswer dispatch(Verb verb, ProbeRequest r) throws IOException {
    return switch (verb) {
      case TCP_CONNECT -> tcp.connect((TcpConnect) r);
      case TCP_SEND -> tcp.send((TcpSend) r);
      case TCP_RECV -> tcp.recv((TcpRecv) r);
      case TCP_CLOSE -> tcp.close((TcpClose) r);
      case TCP_ABORT -> tcp.abort((TcpAbort) r);
      case UDP_OPEN -> udp.open((UdpOpen) r);
      case UDP_SEND -> udp.send((UdpSend) r);
      case UDP_RECV -> udp.recv((UdpRecv) r);
      case UDP_BURST -> bursts.udpBurst((UdpBurst) r);
      case UDP_DRAIN -> bursts.udpDrain((UdpDrain) r);
      case TCP_BURST -> bursts.tcpBurst((TcpBurst) r);
      case SERVE -> serve((Serve) r);
      case SERVE_LOG -> handles.get(((ServeLog) r).server(), Responder.class).transcript();
      case AWAIT_SOCKET -> {
        SocketAwaited awaited = Awaits.socket((AwaitSocket) r, residue);
        if (awaited.found() && watchdog != null) {
          watchdog.lookNow(); // what the program set up before it was ready is seen before it is judged
        }
        yield awaited.found() ? awaited
            : new SocketAwaited(false, awaited.ms(), processes.programWaits());
      }
      case NET_SOCKETS -> sockets();
      case NET_COUNTERS -> new KernelCounters(Counters.read());
      case PROC_LIST -> new Processes(processes.list());
      case PROC_WAITED -> processes.programWaits();
      case PROC_SIGNAL -> signal((ProcSignal) r);
      case PROC_THREADS -> threads.list(((ProcThreads) r).pid());
      case LANE_TARGET -> {
        lanePort = ((LaneTarget) r).port();
        if (watchdog != null) {
          watchdog.restart();
        }
        yield new Done();
      }
      case LAB_PUT -> files.put((LabPut) r);
      case LIMITS_HIT -> watchdog == null ? new Limits(false, 0, 0, 0, 0) : watchdog.hit();
      case BENCH_RESET -> {
        capture.stop(); // a spec that ended without its capture asked for
        yield reset.run((BenchReset) r);
      }
      case CAPTURE_START -> capture.start();
      case CAPTURE_STOP -> capture.stop();
      case PROBE_STATS -> {
        java.util.Map<String, String> verbs = new java.util.TreeMap<>();
        stats.forEach((v, s) -> verbs.put(v.wire(), s[0] + " calls, " + s[1] / 1_000_000 + " ms CPU"));
        yield new Stats(verbs);
      }
    };
  }

  /**
   * The namespace's sockets with their owners; in a namespace shared with the rest of the machine
   * only the lane's: those on the target's port (either end) and those the program or the probe
   * holds, so that no socket of another process shows in a spec's table.
   */
  private Sockets sockets() throws IOException {
    ProcessTable.Owners owners = processes.socketOwners();
    List<SocketRow> all = ProcNetSockets.read(owners.byInode(), residue);
    List<Integer> hidden = List.copyOf(owners.hidden());
    if (!config.sharedNamespace()) {
      return new Sockets(all, hidden);
    }
    java.util.Set<Integer> lane = new java.util.HashSet<>(processes.programPids());
    lane.add((int) ProcessHandle.current().pid());
    return new Sockets(all.stream().filter(s -> s.localPort() == lanePort || s.remotePort() == lanePort
        || s.pids().stream().anyMatch(lane::contains)).toList(), hidden);
  }

  /** The lab's server, TCP or UDP, kept as a handle for {@code serve.log}. */
  private Done serve(Serve r) throws IOException {
    AnswerRule rule = AnswerRule.parse(r.rule());
    Framing framing = Framing.parse(r.framing());
    Responder.Fate fate = Responder.Fate.of(r.drop(), r.delayMs());
    handles.put(r.server(), r.protocol() == Protocol.TCP ? Responder.tcp(r.port(), rule, framing, fate)
        : Responder.udp(r.port(), rule, framing, fate));
    return new Done();
  }

  /** The signal is a name such as STOP, CONT, TERM, KILL. */
  private static Signalled signal(ProcSignal r) throws IOException {
    int pid = r.pid();
    String signal = r.signal();
    if (!signal.matches("[A-Z0-9]+")) {
      throw new ProbeException("not a signal name: " + signal);
    }
    Process kill = new ProcessBuilder(TrustedTools.path("kill"), "-" + signal, Integer.toString(pid))
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
    if (kill.exitValue() != 0) {
      throw new ProbeException("kill -" + signal + " " + pid + " failed: " + output);
    }
    return new Signalled(true, null);
  }
}
