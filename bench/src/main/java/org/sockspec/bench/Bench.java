package org.sockspec.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sockspec.bench.capture.Ladder;
import org.sockspec.bench.internal.Lane;
import org.sockspec.bench.internal.LimitsHit;
import org.sockspec.bench.internal.ProbeChannel;
import org.sockspec.bench.internal.ProgramSession;
import org.sockspec.bench.internal.Sandbox;
import org.sockspec.bench.internal.SandboxLimits;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.CaptureStarted;
import org.sockspec.probe.protocol.ProbeAnswer.Captured;
import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeAnswer.KernelCounters;
import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;
import org.sockspec.probe.protocol.ProbeAnswer.Processes;
import org.sockspec.probe.protocol.ProbeAnswer.Signalled;
import org.sockspec.probe.protocol.ProbeAnswer.SocketAwaited;
import org.sockspec.probe.protocol.ProbeAnswer.Sockets;
import org.sockspec.probe.protocol.ProbeAnswer.TcpBurstDone;
import org.sockspec.probe.protocol.ProbeAnswer.Threads;
import org.sockspec.probe.protocol.ProbeRequest.AwaitSocket;
import org.sockspec.probe.protocol.ProbeRequest.CaptureStart;
import org.sockspec.probe.protocol.ProbeRequest.CaptureStop;
import org.sockspec.probe.protocol.ProbeRequest.NetCounters;
import org.sockspec.probe.protocol.ProbeRequest.NetSockets;
import org.sockspec.probe.protocol.ProbeRequest.ProcList;
import org.sockspec.probe.protocol.ProbeRequest.ProcSignal;
import org.sockspec.probe.protocol.ProbeRequest.ProcThreads;
import org.sockspec.probe.protocol.ProbeRequest.ProcWaited;
import org.sockspec.probe.protocol.ProbeRequest.Serve;
import org.sockspec.probe.protocol.ProbeRequest;
import org.sockspec.probe.protocol.Protocol;

/**
 * Where one spec runs: a lane of the run's {@link Sandbox} (in the container bench, a target
 * container holding the program under test, loopback only, and a probe joined to its network and
 * pid namespaces), as new: nothing survives from one spec to the next, no socket of an earlier
 * spec, no crashed server, no stray process (a lane used before is proven so by its reset).
 *
 * <p>The probe API is small on purpose (after MockWebServer): start the program, open TCP and UDP
 * clients, serve as the lab's server for a client under test, read sockets, processes and
 * counters. Every call is bounded by the bench's {@link Timing}, and logged to its
 * {@link Transcript}, which a failing spec shows.
 */
public final class Bench implements AutoCloseable {
  private final Target target;
  private final Timing timing;
  private final Transcript transcript = new Transcript();
  private final Lane lane;
  private final ProbeChannel probe;
  private final List<RunningProgram> programs = new ArrayList<>();
  private final Evidence observations = new Evidence();
  private final int probePid;
  /** The kit's clients, for the ladder's ends. */
  private final List<NamedClient> clients = new ArrayList<>();
  /** The ladder's origin: when the capture started, by the clock of the machine whose kernel stamps the packets. */
  private long ladderOrigin;
  private final boolean captureAsked;
  private final String captureUnavailable;
  private Traffic traffic;
  /** What the spec says about its traffic, for the ladder's end. */
  private final List<String> wireNotes = new ArrayList<>();

  private Bench(Target target, Timing timing, Sandboxes.Type sandbox, EngineAddress engine, boolean capture) {
    this.target = target;
    this.timing = timing;
    lane = Sandboxes.of(sandbox, engine).take(target);
    probe = lane.probe();
    probePid = lane.probePid();
    String[] parts = lane.describe().split(", ", 2);
    transcript.log("bench ready: " + parts[0] + " (" + target + ")" + (parts.length > 1 ? ", " + parts[1] : ""));
    captureAsked = capture;
    captureUnavailable = capture ? startCapture() : null;
  }

  /** Opens a bench for {@code target}: a lane of the run's sandbox, with the target's files in place. */
  public static Bench open(Target target, Timing timing) {
    return new Bench(target, timing, Sandboxes.Type.ofRun(), null, false);
  }

  /**
   * Opens a bench for {@code target} in a lane of {@code sandbox} (containers: on {@code engine},
   * null for the environment's), its loopback traffic captured for the spec's {@link #traffic()}
   * when {@code capture} says so.
   */
  public static Bench open(Target target, Timing timing, Sandboxes.Type sandbox, EngineAddress engine,
      boolean capture) {
    return new Bench(target, timing, sandbox, engine, capture);
  }

  /** Starts the lane's capture; null once it captures, else why it cannot. */
  private String startCapture() {
    CaptureStarted started = probe.call(timing.reply(), new CaptureStart(), CaptureStarted.class);
    ladderOrigin = started.clockNanos();
    return started.capturing() ? null : started.unavailable();
  }

  /**
   * What crossed the loopback during the spec, its capture stopped the first time this is asked
   * (after the spec's last exchange): the pcap and its ladder, the kit's clients named.
   */
  public synchronized Traffic traffic() {
    if (traffic == null) {
      if (!captureAsked) {
        traffic = Traffic.none("not asked for");
      } else if (captureUnavailable != null) {
        traffic = Traffic.none(captureUnavailable);
      } else {
        try {
          Captured captured = probe.call(timing.reply(), new CaptureStop(), Captured.class);
          traffic = captured.capturing() ? Traffic.of(captured.pcap(), captured.truncated(),
              new Ladder(clientPorts(), unplacedClients(), target.port(), ladderOrigin,
                target.kind().isServer() ? null : "client"), wireNotes)
              : Traffic.none("the probe was not capturing");
        } catch (RuntimeException e) {
          traffic = Traffic.none("the probe did not give it back (" + e.getMessage() + ")");
        }
      }
    }
    return traffic;
  }

  /**
   * Says what the spec found about its traffic that the wire alone cannot show (what the server
   * made of a datagram), at the end of its ladder.
   */
  public synchronized void noteOnTheWire(String note) {
    wireNotes.add(note);
    transcript.log("on the wire: " + note);
  }

  /** The kit's TCP clients that never learnt their port (their connect did not complete), in order. */
  private List<String> unplacedClients() {
    List<String> unplaced = new ArrayList<>();
    clients.stream().filter(client -> client.tcp() && client.port().getAsInt() <= 0)
        .forEach(client -> unplaced.add(client.name()));
    return unplaced;
  }

  /** The kit's clients' local ports, by port: the ladder's named ends. */
  private Map<Integer, String> clientPorts() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    clients.stream().filter(client -> client.port().getAsInt() > 0)
        .forEach(client -> ports.put(client.port().getAsInt(), client.name()));
    return ports;
  }

  /** A kit client as the ladder names it: its name, its protocol, and its local port once it has one. */
  private record NamedClient(String name, boolean tcp, IntSupplier port) {}

  public Target target() {
    return target;
  }

  public Timing timing() {
    return timing;
  }

  public Transcript transcript() {
    return transcript;
  }

  /** Starts the program under test; a client is given 127.0.0.1 as its host (see {@link Target#clientCommand}). */
  public RunningProgram start() {
    return start(target.kind().isServer() ? target.command() : target.clientCommand("127.0.0.1"));
  }

  /** Longer than this for the engine to start a program is worth a line of the transcript. */
  private static final Duration SLOW_TO_RUN = Duration.ofMillis(200);

  /** Starts the program with exactly {@code command} (for usage checks: no argument at all). */
  public RunningProgram start(List<String> command) {
    ProgramOutput output = new ProgramOutput();
    // A program that floods its output is let go of at ProgramOutput.STOP_AFTER: closing the stream
    // stops the kit's reading (the program itself dies with its container at the spec's end).
    java.util.concurrent.atomic.AtomicReference<ProgramSession> started = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean flooded = new java.util.concurrent.atomic.AtomicBoolean();
    ProgramSession session = lane.start(command, bytes -> {
          ProgramSession running = started.get();
          if (output.append(bytes) && running != null && flooded.compareAndSet(false, true)) {
            running.close();
            output.close();
          }
        }, output::close);
    started.set(session);
    if (output.stopped() && flooded.compareAndSet(false, true)) {
      session.close();
      output.close();
    }
    RunningProgram program = new RunningProgram(session, output, transcript, command,
        () -> probe.call(timing.reply(), new ProcWaited(), MachineWait.class));
    programs.add(program);
    transcript.log("start the program: " + String.join(" ", command));
    // Every window the program is then given counts from when it runs, not from when it was asked for.
    Duration waited = session.awaitRunning(timing.startup());
    if (waited.compareTo(SLOW_TO_RUN) > 0) {
      transcript.log("the program's process runs after " + waited.toMillis() + " ms (the engine was slow to start it)");
    }
    return program;
  }

  /**
   * Waits until a socket of the program's protocol is bound to the target's port (LISTEN for TCP),
   * within the startup bound. Returns whether it appeared.
   */
  public boolean awaitServerReady(RunningProgram program) {
    Protocol proto = target.kind().protocol();
    String state = proto == Protocol.TCP ? "LISTEN" : "UNCONN";
    Protocol other = proto.other();
    // The bound is the program's own time: what a busy machine kept it waiting for a CPU or the disk
    // is added, up to one bound more. A program that allocates, or computes, before it listens then
    // meets the same verdict however busy the machine is.
    OwnTime own = program.ownTime(System.nanoTime(), timing.startup());
    // Wait in slices, so that a program that cannot get there is reported at once rather than
    // after the whole startup bound: one whose processes have all exited, or one that holds the
    // port with the other protocol (a UDP server checked as TCP, or the reverse).
    Duration slice = Duration.ofMillis(200);
    while (true) {
      long leftMs = own.left().toMillis();
      SocketAwaited answer = probe.call(slice, new AwaitSocket(proto, target.port(), state,
          (int) Math.max(0, Math.min(slice.toMillis(), leftMs))), SocketAwaited.class);
      if (answer.found()) {
        transcript.log("the program's " + proto + " socket on port " + target.port() + " is " + state);
        return true;
      }
      own.observe(answer.waited());
      String why = null;
      if (program.output().isClosed() && processes().program().isEmpty()) {
        why = ": the program's processes have all exited";
      } else if (probe.call(slice, new AwaitSocket(other, target.port(), "ANY", 0), SocketAwaited.class).found()) {
        why = ": the port is held by a " + other.name() + " socket instead";
      } else if (own.left().compareTo(Duration.ZERO) <= 0) {
        why = " within " + timing.startup().toMillis() + " ms" + own.said();
      }
      if (why != null) {
        transcript.log("no " + proto + " socket on port " + target.port() + " in state " + state + why);
        return false;
      }
    }
  }

  /**
   * The catalogue's one bounded wait: samples {@code sample} until {@code condition} holds or
   * {@code window} ends, and logs to the transcript what was awaited and how it ended (a wait that
   * ran to its bound is counted in the {@link WaitLedger}). Returns the last sample either way, for
   * the assertion that follows to judge and show.
   */
  public <T> Poll.Sampled<T> await(String what, Supplier<T> sample, Predicate<? super T> condition,
      Duration window) {
    return Poll.until(transcript, what, sample, condition, window, value -> "");
  }

  /** As {@link #await(String, Supplier, Predicate, Duration)}, the log also saying what the last sample showed. */
  public <T> Poll.Sampled<T> await(String what, Supplier<T> sample, Predicate<? super T> condition,
      Duration window, Function<? super T, String> shown) {
    return Poll.until(transcript, what, sample, condition, window, shown);
  }

  /** Waits, as {@link #await}, until what {@code program} printed satisfies {@code condition}; returns whether it did. */
  public boolean awaitOutput(RunningProgram program, String what, Predicate<String> condition, Duration window) {
    long start = System.nanoTime();
    // The program's own time: what a busy machine kept it waiting is added, up to one window more.
    OwnTime own = program.ownTime(start, window);
    boolean printed = program.output().await(condition, window);
    for (Duration left = own.leftAfterAsking(); !printed && left.compareTo(Duration.ZERO) > 0;
        left = own.leftAfterAsking()) {
      printed = program.output().await(condition, left);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    transcript.log("await " + what + " -> " + (printed ? "after " + ms + " ms" : "not within " + window.toMillis()
        + " ms" + own.said()));
    if (!printed) {
      WaitLedger.ranToBound("a program's output", window, ms);
    }
    return printed;
  }

  public TcpClient tcpClient(String name) {
    TcpClient client = new TcpClient(probe, transcript, timing, name, target.protocol());
    clients.add(new NamedClient(name, true, client::localPort));
    return client;
  }

  public UdpClient udpClient(String name) {
    UdpClient client = new UdpClient(probe, transcript, timing, name, null, target.protocol());
    clients.add(new NamedClient(name, false, client::localPort));
    return client;
  }

  /** A UDP socket connected to 127.0.0.1:{@code port}: hears ICMP errors as REFUSED. */
  public UdpClient connectedUdpClient(String name, int port) {
    UdpClient client = new UdpClient(probe, transcript, timing, name, port, target.protocol());
    clients.add(new NamedClient(name, false, client::localPort));
    return client;
  }

  /** Serves as the lab's TCP or UDP server on the target's port, by the lab's protocol, for a client under test. */
  public ServedLog serve(Protocol proto) {
    return serve(proto, target.port(), target.protocol().answer(), List.of(), Duration.ZERO);
  }

  /**
   * Serves as a lab's server of a scenario's: on {@code port}, answering by {@code rule}, leaving the
   * messages numbered in {@code drop} (1 the first) unanswered, each answer {@code delay} late.
   */
  public ServedLog serve(Protocol proto, int port, org.sockspec.probe.protocol.AnswerRule rule, List<Integer> drop,
      Duration delay) {
    String handle = "server-" + proto.wire() + "-" + port;
    String dropped = String.join(",", drop.stream().map(String::valueOf).toList());
    probe.call(timing.reply(), new Serve(proto, handle, port, rule.text(), target.protocol().framing().wire(),
        dropped, delay.isZero() ? null : (int) delay.toMillis()), Done.class);
    transcript.log("the kit's " + proto.name() + " server listens on port " + port + " (answer: " + rule.describe()
        + (drop.isEmpty() ? "" : ", dropping message" + (drop.size() == 1 ? " " : "s ") + abbreviated(drop))
        + (delay.isZero() ? "" : ", each answer " + delay.toMillis() + " ms late") + ")");
    return new ServedLog(probe, timing, handle, transcript);
  }

  private static String abbreviated(List<Integer> numbers) {
    List<Integer> firstOnes = numbers.stream().filter(n -> n <= 20).toList();
    return String.join(", ", firstOnes.stream().map(String::valueOf).toList())
        + (firstOnes.size() < numbers.size() ? "..." : "");
  }

  /**
   * The namespace's sockets with their owners.
   *
   * @throws HiddenEvidence when the program made a process of its own unreadable, so that who holds
   *     which socket cannot be proven
   */
  public SocketTable sockets() {
    Sockets answer = probe.call(timing.reply(), new NetSockets(), Sockets.class);
    ProcessList processes = processes();
    if (!answer.hidden().isEmpty()) {
      throw new HiddenEvidence("which process holds which socket", answer.hidden(), processes);
    }
    return new SocketTable(answer.sockets().stream().map(SocketEntry::of).toList(), processes, probePid);
  }

  public ProcessList processes() {
    return new ProcessList(probe.call(timing.reply(), new ProcList(), Processes.class).processes().stream()
        .map(ProcessInfo::of).toList());
  }

  /**
   * The threads of process {@code pid} and what each is blocked on (empty once it is gone).
   *
   * @throws HiddenEvidence when the program made the process unreadable
   */
  public ThreadList threads(int pid) {
    Threads answer = probe.call(timing.reply(), new ProcThreads(pid), Threads.class);
    if (answer.hidden()) {
      throw new HiddenEvidence("what the threads of PID " + pid + " wait on", List.of(pid), processes());
    }
    return new ThreadList(pid, answer.threads().stream().map(ThreadInfo::of).toList());
  }

  public Counters counters() {
    return new Counters(probe.call(timing.reply(), new NetCounters(), KernelCounters.class).counters());
  }

  /**
   * Sends a burst over TCP inside the namespace, to a reader of the probe's own that reads nothing
   * until the writers are done (the TCP counterpart of a burst to a stopped UDP server): each of
   * {@code clients} connections writes {@code message} {@code count} times. Bounded by the reply
   * bound. The target plays no part: this shows what the protocol does, for comparison.
   */
  public TcpBurst tcpBurst(int clients, int count, byte[] message) {
    TcpBurstDone answer = probe.call(timing.reply(), new ProbeRequest.TcpBurst(clients, count, message,
        (int) timing.reply().toMillis()), TcpBurstDone.class);
    TcpBurst burst = new TcpBurst(clients, count, answer.expected(), answer.sent(), answer.writersDoneWhilePaused(),
        answer.queuedWhilePaused(), answer.received(), answer.ms());
    transcript.log("the same burst over TCP to a paused reader of the probe's own: "
        + (answer.outcome() == Outcome.SENT ? burst.describe() : answer.outcome() + " " + answer.error()));
    return burst;
  }

  /** Sends a signal (STOP, CONT, TERM, KILL...) to a process of the target, as its root would. */
  public void signal(int pid, String signal) {
    probe.call(timing.reply(), new ProcSignal(pid, signal), Signalled.class);
    transcript.log("signal " + signal + " to pid " + pid);
  }

  /**
   * Records what a spec observed, to be reported whether it passes or fails (an INFO spec's
   * finding, which of two allowed behaviours happened, a measured capacity).
   */
  public void observe(String name, String finding) {
    observations.put(name, finding);
    transcript.log("observed " + name + ": " + finding);
  }

  /** What the spec recorded with {@link #observe}, in order. */
  public Evidence observations() {
    return observations;
  }

  /**
   * What a failing spec shows (observations, transcript, socket table, processes, output), and the
   * sandbox limit the program reached meanwhile, if it did (the limit explains the failure better
   * than what the spec saw), from one reading of the tables.
   */
  public PostMortem postMortem() {
    Evidence evidence = new Evidence().merge(observations);
    evidence.put("transcript", transcript.toString());
    ProcessList processes = new ProcessList(List.of());
    try {
      SocketTable table = sockets();
      processes = table.processes();
      evidence.put("sockets", table.render());
      evidence.put("processes", processes.render());
    } catch (HiddenEvidence e) {
      evidence.put("sockets", "(hidden by the program: " + e.how() + ")");
    } catch (RuntimeException e) {
      evidence.put("sockets", "(could not be read: " + e.getMessage() + ")");
    }
    Optional<LimitsHit> counted = lane.limitsHit().filter(LimitsHit::any);
    counted.ifPresent(hit -> evidence.put("limits", hit.describe(SandboxLimits.DEFAULT)));
    for (int i = 0; i < programs.size(); i++) {
      RunningProgram program = programs.get(i);
      String key = programs.size() == 1 ? "output" : "output " + (i + 1);
      long total = program.output().totalBytes();
      evidence.put(key, total == 0 ? "(the program printed nothing)" : program.output().tail(30));
    }
    if (captureAsked) {
      evidence.put("ladder", traffic().ladder());
    }
    return new PostMortem(evidence, LimitReading.of(counted,
        programs.stream().map(RunningProgram::output).toList(), processes));
  }

  /** A failed spec's evidence, and the sandbox limit its program reached, if any. */
  public record PostMortem(Evidence evidence, Optional<LimitReading> limit) {}

  /**
   * After the bench broke mid-spec (a {@link org.sockspec.bench.KitException}): whether
   * the program under test could have broken it, from the engine's and the kernel's own facts, and
   * how, for a student. Empty when the kit is to blame (see {@link BenchBreak}).
   */
  public Optional<String> brokenByTheProgram() {
    return lane.breakage().chargedToTheProgram();
  }

  @Override
  public void close() {
    programs.clear();
    // The lane's reset ends whatever the program left running (docker exec processes are not
    // killed when their client goes away), or the lane is discarded.
    lane.release();
  }
}
