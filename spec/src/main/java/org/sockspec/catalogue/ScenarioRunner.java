package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Counters;
import org.sockspec.bench.Poll;
import org.sockspec.bench.Reply;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.ServedLog;
import org.sockspec.bench.Serving;
import org.sockspec.bench.ServingThreads;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.bench.TcpClient;
import org.sockspec.bench.ThreadList;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.scenario.Scenario;
import org.sockspec.scenario.Step;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;
import org.sockspec.spec.assertions.CounterChange;

/**
 * Runs one {@link Scenario} on a bench, step by step, with the catalogue's own means (its talkers,
 * GIVEN steps and assertions), so that a scenario's verdicts, causes and evidence are those of a
 * built-in spec. Every wait has its bound; a failing step's sentence says which step it was.
 */
final class ScenarioRunner {
  private final Bench bench;
  private final Scenario scenario;
  private final Map<String, Talker> talkers = new LinkedHashMap<>();
  private final Map<String, Talker.Said> lastMessage = new HashMap<>();
  /** Bytes a client read past what a step used (a line read with the start of the next). */
  private final Map<String, byte[]> unread = new HashMap<>();
  /** Each client's own port, kept once it closed: its connection's socket is still asked about. */
  private final Map<String, Integer> ports = new HashMap<>();
  /** The clients whose last message was the lab's end word. */
  private final java.util.Set<String> saidTheEndWord = new java.util.HashSet<>();
  private RunningProgram program;
  private ServerUnderTest server;
  private ServedLog served;
  private Step.Serve serving;
  private Counters atStart;

  private ScenarioRunner(Bench bench, Scenario scenario) {
    this.bench = bench;
    this.scenario = scenario;
  }

  static void run(Bench bench, Scenario scenario) {
    new ScenarioRunner(bench, scenario).run();
  }

  private void run() {
    atStart = bench.counters();
    boolean explicitStart = scenario.steps().stream().anyMatch(s -> s.step() instanceof Step.Start);
    for (Scenario.WrittenStep written : scenario.steps()) {
      Step step = written.step();
      if (scenario.startsProgram() && !explicitStart && program == null && !(step instanceof Step.Serve)) {
        start();
      }
      bench.transcript().log("scenario " + scenario.id() + ", step " + written.number() + ": " + written.written());
      try {
        perform(step);
      } catch (CausedFailure failure) {
        // The kit's sentence first (a report's one-line view shows it), then which step it was.
        throw new CausedFailure(failure.why(), failure.getMessage() + "\n(at step " + written.number() + " of "
            + scenario.id() + ": " + written.written() + ")");
      }
    }
  }

  private void start() {
    if (bench.target().kind().isServer()) {
      server = Given.serverListening(bench);
      program = server.program();
    } else {
      program = bench.start();
    }
  }

  private void perform(Step step) {
    if (step instanceof Step.Start) {
      start();
    } else if (step instanceof Step.Connect c) {
      connect(c);
    } else if (step instanceof Step.Send s) {
      send(s);
    } else if (step instanceof Step.ExpectAnswer e) {
      answered(e);
    } else if (step instanceof Step.ExpectServedOrReset e) {
      assertThatAnswer(read(e.client(), bench.timing().reply())).as("client " + e.client()).isServedOrReset();
    } else if (step instanceof Step.ExpectBytes e) {
      expectBytes(e.client(), e.bytes(), bound(e.within()));
    } else if (step instanceof Step.ExpectLine e) {
      expectLine(e);
    } else if (step instanceof Step.ExpectMatch e) {
      expectMatch(e);
    } else if (step instanceof Step.ExpectNothing e) {
      nothing(e);
    } else if (step instanceof Step.ExpectClosed e) {
      closed(e);
    } else if (step instanceof Step.Close c) {
      close(c);
    } else if (step instanceof Step.Listener l) {
      listener(l);
    } else if (step instanceof Step.SocketOf s) {
      ScenarioSockets.socketOf(bench, s, portOf(s.client()), bound(s.within()));
    } else if (step instanceof Step.Model m) {
      model(m);
    } else if (step instanceof Step.Counter c) {
      counter(c);
    } else if (step instanceof Step.Printed p) {
      printed(p);
    } else if (step instanceof Step.NotPrinted p) {
      notPrinted(p);
    } else if (step instanceof Step.Serve s) {
      serve(s);
    } else if (step instanceof Step.Type t) {
      program().type(t.line());
    } else if (step instanceof Step.EndInput) {
      program().endInput();
    } else if (step instanceof Step.ExpectExit e) {
      exit(e);
    } else if (step instanceof Step.ExpectRunning r) {
      running(r);
    } else if (step instanceof Step.Received r) {
      ScenarioServed.received(bench, served(), program(), r.count(), scaledOr(r.within(), bench.timing().exit()));
    } else if (step instanceof Step.ReceivedText r) {
      ScenarioServed.receivedText(bench, served(), program(), r.text(), bound(r.within()));
    } else if (step instanceof Step.PrintedForEach p) {
      ScenarioServed.printedForEach(bench, served(), serving, program(), p, scaledOr(p.within(), bench.timing().exit()));
    } else {
      throw new IllegalStateException("a step the runner does not know: " + step);
    }
  }

  /** A step's bound: as written, widened by the run's time scale; the reply bound when none is written. */
  private Duration bound(Duration within) {
    return within != null ? bench.timing().scaled(within) : bench.timing().reply();
  }

  /** A written bound widened by the run's time scale, or {@code otherwise}. */
  private Duration scaledOr(Duration written, Duration otherwise) {
    return written != null ? bench.timing().scaled(written) : otherwise;
  }

  private RunningProgram program() {
    if (program == null) {
      throw new IllegalStateException("the scenario's program was not started (starts-program = false)");
    }
    return program;
  }

  private ServedLog served() {
    if (served == null) {
      throw new IllegalStateException("no serve step came before this one");
    }
    return served;
  }

  private Talker talker(String client) {
    Talker talker = talkers.get(client);
    if (talker != null) {
      return talker;
    }
    if (bench.target().kind().protocol() == Protocol.UDP) {
      talker = Talker.udp(bench, bench.udpClient(client));
      talkers.put(client, talker);
      return talker;
    }
    throw new IllegalStateException("client " + client + " never connected");
  }

  private void connect(Step.Connect c) {
    TcpClient client = bench.tcpClient(c.client());
    int port = bench.target().port();
    if (c.refused()) {
      assertThat(client.connect(port, bench.timing().connect())).as("client %s's connect to 127.0.0.1:%d", c.client(),
          port).isRefusedWithin(scaledOr(c.within(), bench.timing().atOnce()));
      return;
    }
    org.sockspec.bench.Connect result = c.within() != null ? client.connect(port, bound(c.within()))
        : client.connect(port);
    String others = String.join(", ", talkers.keySet());
    assertThat(result).as("client %s's connect%s", c.client(), others.isEmpty() ? "" : " (" + others + " connected)")
        .isConnected();
    talkers.put(c.client(), Talker.tcp(bench, client));
    ports.put(c.client(), client.localPort());
  }

  private int portOf(String client) {
    Integer port = ports.get(client);
    if (port == null) {
      throw new IllegalStateException("client " + client + " never connected");
    }
    return port;
  }

  private void send(Step.Send s) {
    Talker talker = talker(s.client());
    unread.remove(s.client());
    boolean endWord = bench.target().protocol().end().map(word -> java.util.Arrays.equals(s.bytes(), Bytes.utf8(word))
        || java.util.Arrays.equals(s.bytes(), bench.target().protocol().wire(Bytes.utf8(word)))).orElse(false);
    if (endWord) {
      saidTheEndWord.add(s.client());
    } else {
      saidTheEndWord.remove(s.client());
    }
    if (s.asMessage()) {
      lastMessage.put(s.client(), talker.says(s.bytes()));
      return;
    }
    lastMessage.remove(s.client());
    if (talker.tcpClient() != null) {
      talker.tcpClient().sendBytes(s.bytes());
    } else {
      talker.udpClient().sendBytes(bench.target().port(), s.bytes());
    }
  }

  private void answered(Step.ExpectAnswer e) {
    Talker.Said said = lastMessage.get(e.client());
    if (bench.target().protocol().answer().answers() && !e.anyBytes()) {
      said.isAnsweredExactly();
    } else {
      said.isAnswered();
    }
  }

  /** Reads {@code client}'s next bytes: what an earlier step read past its need first, then the wire. */
  private Reply read(String client, Duration window) {
    byte[] kept = unread.remove(client);
    if (kept != null && kept.length > 0) {
      return new Reply(Outcome.DATA, kept, 0, window, -1);
    }
    Talker talker = talker(client);
    if (talker.tcpClient() != null) {
      return talker.tcpClient().receive(1, window);
    }
    return talker.udpClient().receive(window);
  }

  private boolean isUdp() {
    return bench.target().kind().protocol() == Protocol.UDP;
  }

  /**
   * The most a step reads while it waits for what it expects: a program that floods its client gets
   * a verdict on the first megabyte, never the kit's memory.
   */
  static final int MAX_GATHERED = 1 << 20;

  /**
   * Reads until {@code enough} says what came is enough (it returns how many bytes it used, or -1 to
   * read on), the connection ends, {@code window} does, or {@value #MAX_GATHERED} bytes came; keeps
   * what was read past the need.
   */
  private Gathered gather(String client, Duration window, java.util.function.ToIntFunction<byte[]> enough) {
    long deadline = System.nanoTime() + window.toNanos();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    Reply last;
    do {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      last = read(client, left);
      got.writeBytes(last.bytes());
      int used = enough.applyAsInt(got.toByteArray());
      if (used >= 0) {
        byte[] all = got.toByteArray();
        if (used < all.length) {
          unread.put(client, Arrays.copyOfRange(all, used, all.length));
        }
        return new Gathered(Arrays.copyOf(all, used), true, last);
      }
    } while (last.outcome() == Outcome.DATA && !isUdp() && System.nanoTime() < deadline
        && got.size() < MAX_GATHERED);
    return new Gathered(got.toByteArray(), false, last);
  }

  /** What a gathering read: the bytes (those used, when met), whether the need was met, the last read. */
  private record Gathered(byte[] bytes, boolean met, Reply last) {
    String ended() {
      return switch (last.outcome()) {
        case EOF -> "the server closed the connection";
        case RESET -> "the connection was reset";
        case TIMEOUT -> "nothing more came in " + last.window().toMillis() + " ms";
        case DATA -> "more kept coming: a step reads at most " + (MAX_GATHERED >> 20) + " MB while it waits";
        default -> last.outcome().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  private void expectBytes(String client, byte[] wanted, Duration window) {
    Gathered got = gather(client, window, bytes -> isUdp() ? bytes.length : bytes.length >= wanted.length
        || !startsLike(bytes, wanted) ? Math.min(bytes.length, wanted.length) : -1);
    if (!Arrays.equals(got.bytes(), wanted)) {
      failWrong(client, Bytes.describe(wanted), got, window);
    }
  }

  private static boolean startsLike(byte[] bytes, byte[] wanted) {
    return Arrays.equals(bytes, 0, Math.min(bytes.length, wanted.length), wanted, 0, Math.min(bytes.length, wanted.length));
  }

  private void expectLine(Step.ExpectLine e) {
    Duration window = bound(e.within());
    Gathered got = gather(e.client(), window, bytes -> {
      if (isUdp()) {
        return bytes.length;
      }
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          return i + 1;
        }
      }
      return -1;
    });
    String line = new String(got.bytes(), StandardCharsets.UTF_8);
    String withoutNewline = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    if (!got.met() || !withoutNewline.equals(e.line())) {
      failWrong(e.client(), "the line " + Bytes.describe(Bytes.utf8(e.line() + "\n")), got, window);
    }
  }

  private void expectMatch(Step.ExpectMatch e) {
    Duration window = bound(e.within());
    Gathered got = gather(e.client(), window, bytes -> {
      Matcher m = e.pattern().matcher(new String(bytes, StandardCharsets.ISO_8859_1));
      return isUdp() ? bytes.length : m.find() ? m.end() : -1;
    });
    if (!got.met() || !e.pattern().matcher(new String(got.bytes(), StandardCharsets.ISO_8859_1)).find()) {
      failWrong(e.client(), "what matches /" + shown(e.pattern().pattern()) + "/", got, window);
    }
  }

  /** A pattern as a sentence shows it: a newline or a return in it written as the escape it stands for. */
  static String shown(String pattern) {
    return pattern.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private void failWrong(String client, String expected, Gathered got, Duration window) {
    String who = "client " + client;
    if (got.bytes().length == 0) {
      throw new CausedFailure(new Cause.NoAnswer(who, window.toMillis(), got.ended(), ""),
          "Expecting " + who + " to receive " + expected + " within " + window.toMillis() + " ms, but nothing came: "
              + got.ended() + ".");
    }
    throw new CausedFailure(new Cause.WrongAnswer(who, expected, Bytes.show(got.bytes()), got.bytes().length),
        "Expecting " + who + " to receive " + expected + " but it received " + Bytes.describe(got.bytes())
            + (got.met() ? "." : ", then " + got.ended() + "."));
  }

  /**
   * Nothing arrives for the whole window. (The talker's diagnosis of a missing answer would explain
   * the wrong thing here: what came is shown as it is.)
   */
  private void nothing(Step.ExpectNothing e) {
    Duration window = scaledOr(e.window(), bench.timing().silence());
    assertThatAnswer(read(e.client(), window)).as("client " + e.client()).isNothing();
  }

  private void closed(Step.ExpectClosed e) {
    Duration window = bound(e.within());
    Gathered got = gather(e.client(), window, bytes -> -1); // everything before the end is read, then the end
    Reply last = got.last();
    boolean ok = switch (e.ending()) {
      case CLOSED -> last.outcome() == Outcome.EOF;
      case RESET -> last.outcome() == Outcome.RESET;
      case CLOSED_OR_RESET -> last.outcome() == Outcome.EOF || last.outcome() == Outcome.RESET;
    };
    if (got.bytes().length > 0) {
      bench.observe("client " + e.client() + " read before the end", Bytes.describe(got.bytes()));
    }
    if (!ok) {
      String wanted = switch (e.ending()) {
        case CLOSED -> "the connection closed by the server (end of stream)";
        case RESET -> "the connection reset";
        case CLOSED_OR_RESET -> "the connection closed (end of stream or a reset)";
      };
      throw new CausedFailure(new Cause.NotClosed("client " + e.client(), last.describe()),
          "Expecting client " + e.client() + " to see " + wanted + " within " + window.toMillis() + " ms, but "
              + (last.outcome() == Outcome.TIMEOUT ? "the connection stayed open" : "it saw " + last.describe())
              + (got.bytes().length > 0 ? " (it read " + Bytes.describe(got.bytes()) + " before)" : "") + ".");
    }
  }

  /**
   * Closes a client. After the lab's end word, as the catalogue does, it waits (at most the silence
   * window) for the server to close first, so that the two closes do not cross and leave a TIME_WAIT
   * on the server's port.
   */
  private void close(Step.Close c) {
    TcpClient client = talker(c.client()).tcpClient();
    if (c.reset()) {
      client.abort();
    } else if (saidTheEndWord.contains(c.client())) {
      client.closeAfterEnd();
    } else {
      client.close();
    }
    saidTheEndWord.remove(c.client());
    talkers.remove(c.client());
    lastMessage.remove(c.client());
    unread.remove(c.client());
  }

  private void listener(Step.Listener l) {
    int port = bench.target().port();
    Protocol proto = bench.target().kind().protocol();
    Poll.Sampled<SocketTable> table = bench.await("the program's socket on port " + port, bench::sockets,
        now -> now.onPort(proto, port).stream().anyMatch(s -> !s.pids().isEmpty()
            && (proto == Protocol.UDP || s.isListening())), bound(l.within()));
    bench.observe(proto == Protocol.TCP ? "netstat -tanp" : "netstat -uanp", Sockets.tcpOrUdp(table.value(), proto).render());
    if (proto == Protocol.TCP) {
      assertThat(table.value()).hasOneListener(port).isHeldByTheProgram();
    } else {
      assertThat(table.value()).hasOneProgramUdpSocket(port);
    }
  }

  private Map<String, Integer> connectedPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    talkers.forEach((name, talker) -> ports.put(name, talker.localPort()));
    return ports;
  }

  private void model(Step.Model m) {
    Duration window = bound(m.within());
    Map<String, Integer> ports = connectedPorts();
    java.util.function.Supplier<Serving> serving = () -> new Serving(bench.sockets(), bench.target().port(), ports);
    Poll.Sampled<Serving> accepted = bench.await("every connected client accepted", serving, Serving::allAccepted,
        window, Serving::describe);
    assertThat(accepted.value()).within(accepted.window()).hasAcceptedEveryClient();
    if (m.model() == Step.ServerModel.PROCESS_PER_CLIENT) {
      Poll.Sampled<Serving> seen = bench.await("a process per client", serving, s -> s.processPerClient().isPresent(),
          window, Serving::describe);
      bench.observe("who serves whom", seen.value().describe());
      assertThat(seen.value()).within(seen.window()).hasAProcessPerClient();
      return;
    }
    Poll.Sampled<ServingThreads> seen = bench.await("one process serving all, its threads settled", () -> {
      Serving now = serving.get();
      OptionalInt pid = now.oneProcessForAll();
      return new ServingThreads(now, pid.isPresent() ? bench.threads(pid.getAsInt()) : new ThreadList(-1, List.of()));
    }, s -> s.serving().oneProcessForAll().isPresent() && s.settled(), window);
    bench.observe("who serves whom", seen.value().serving().describe());
    assertThat(seen.value().serving()).within(seen.window()).hasOneProcessForAll();
    if (m.model() == Step.ServerModel.THREAD_PER_CLIENT) {
      assertThat(seen.value()).within(seen.window()).hasAThreadPerClient();
    } else {
      assertThat(seen.value()).within(seen.window()).hasNoThreadPerClient();
    }
  }

  private void counter(Step.Counter c) {
    Poll.Sampled<Counters> now = bench.await("the kernel's " + c.group() + c.name() + " to grow by " + c.atLeast(),
        bench::counters, counters -> counters.since(atStart, c.group(), c.name()) >= c.atLeast(),
        scaledOr(c.within(), bench.timing().atOnce()));
    CounterChange change = CounterChange.of(atStart, now.value(), c.group(), c.name(), "since the scenario began");
    bench.observe(c.group() + c.name(), change.describe());
    assertThat(change).grewBy(c.atLeast(), "at least " + c.atLeast() + " as the scenario says");
  }

  private void printed(Step.Printed p) {
    RunningProgram running = program();
    int wanted = p.count().share().map(share -> ScenarioServed.count(served(), serving, share))
        .orElse(p.count().number());
    Duration window = bound(p.within());
    bench.awaitOutput(running, wanted + " line(s) matching " + shown(p.written()), out -> matching(out, p) >= wanted,
        window);
    int seen = matching(running.output().text(), p);
    if (seen < wanted) {
      throw new CausedFailure(new Cause.PrintedLines(wanted + " line" + (wanted == 1 ? "" : "s") + " matching /"
          + shown(p.written()) + "/", running.output().tail(8)),
          "Expecting the program to print " + (wanted == 1 ? "a line" : wanted + " lines") + " matching /"
              + shown(p.written())
              + "/ within " + window.toMillis() + " ms, but it printed " + (seen == 0 ? "none" : "only " + seen)
              + (running.output().text().isBlank() ? " (it printed nothing)." : ". The end of its output:\n"
                  + running.output().tail(8)));
    }
  }

  private static int matching(String output, Step.Printed p) {
    return (int) output.lines().filter(line -> p.pattern().matcher(line).find()).count();
  }

  private void notPrinted(Step.NotPrinted p) {
    RunningProgram running = program();
    Duration window = scaledOr(p.window(), bench.timing().silence());
    boolean printed = bench.awaitOutput(running, "a line matching " + p.written() + " (it must not come)",
        out -> out.lines().anyMatch(line -> p.pattern().matcher(line).find()), window);
    if (printed) {
      String line = running.output().text().lines().filter(l -> p.pattern().matcher(l).find()).findFirst().orElse("");
      throw new CausedFailure(new Cause.PrintedLines("no line matching /" + shown(p.written()) + "/", line),
          "Expecting the program to print no line matching /" + shown(p.written()) + "/ for " + window.toMillis()
              + " ms, but it printed: " + line);
    }
  }

  private void serve(Step.Serve s) {
    serving = s;
    served = bench.serve(s.protocol(), s.port() != null ? s.port() : bench.target().port(),
        s.rule() != null ? s.rule() : bench.target().protocol().answer(), s.drop(), s.delay());
  }

  private void exit(Step.ExpectExit e) {
    RunningProgram running = program();
    Duration window = scaledOr(e.within(), bench.timing().exit());
    running.awaitExit(window);
    if (e.failure()) {
      assertThat(running).as("the program").within(window).hasExitedWithFailure();
    } else {
      assertThat(running).as("the program").within(window).hasExitedWith(e.status());
    }
  }

  private void running(Step.ExpectRunning r) {
    RunningProgram running = program();
    Duration window = scaledOr(r.window(), bench.timing().silence());
    running.awaitExit(window);
    assertThat(running).as("the program").within(window).isStillRunning();
  }
}
