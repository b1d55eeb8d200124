package org.sockspec.catalogue;

import static org.sockspec.bench.Kind.CLIENT_TCP;
import static org.sockspec.bench.Kind.CLIENT_UDP;
import static org.sockspec.spec.Level.MUST;
import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Counters;
import org.sockspec.bench.Poll;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.ServedLog;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Spec;
import org.sockspec.spec.assertions.CounterChange;
import org.sockspec.spec.assertions.ProgramAssert;
import org.sockspec.spec.assertions.ServedTraffic;

/**
 * The handout's clients (client_tcp.py HOST, client_udp.py HOST), driven as a user drives them:
 * lines typed at the prompt, against the kit's own lab server in the namespace (or none at all).
 * A client is judged by what reaches the server, what it prints and how it exits.
 */
public class ClientSpecs {
  /** The lines typed, before the lab's end word (or, where it has none, the end of the input). */
  private static final List<String> LINES = List.of("hello", "a second message");

  /** What is typed: the lines, then the end word where the lab has one. */
  private static List<String> typed(Bench bench) {
    List<String> typed = new java.util.ArrayList<>(LINES);
    bench.target().protocol().end().ifPresent(typed::add);
    return typed;
  }

  @Spec(id = "client.usage", level = MUST, kinds = {CLIENT_TCP, CLIENT_UDP},
      summary = "started without its host argument, the client prints a usage line and exits with status 2, without a traceback",
      hint = "Check len(sys.argv) != 2 before using sys.argv[1]: print the usage line (\"Only one argument: "
          + "the dest hostname/IP address as string\") and sys.exit(2).")
  void withoutItsArgumentPrintsUsage(Bench bench) {
    RunningProgram client = bench.start(bench.target().commandWithoutHost());
    Duration window = bench.timing().exit();
    client.awaitExit(window);
    assertThat(client).as("the client, started with no argument,").within(window)
        .hasExitedWith(2).hasPrintedSomething().hasPrintedNoTraceback();
  }

  @Spec(id = "client.tcp.exchange", level = MUST, question = "1.1", kinds = CLIENT_TCP,
      summary = "each typed line goes to the server as one message, each answer is printed, and after end the client exits 0",
      hint = "Send the line typed at input(\"> \") as bytes, without its newline (bytes(msg, 'utf8')), print what "
          + "recv(1024) returns, and leave the loop once the message sent was b\"end\".")
  void typedLinesAreSentAndAnswersPrinted(Bench bench) {
    ServedLog server = bench.serve(Protocol.TCP);
    Counters before = bench.counters();
    RunningProgram client = bench.start();
    client.type(typed(bench).get(0)); // read once the client is connected and prompts
    // Until the first message came, the client gave up, or it sent a datagram instead (a UDP client).
    Poll.Sampled<ServedTraffic> first = bench.await("the client's connection and first message", () -> {
      long datagrams = bench.counters().since(before, "Udp", "NoPorts");
      return new ServedTraffic(Protocol.TCP, bench.target().port(), server.events(), client, datagrams == 0 ? ""
          : "Udp NoPorts grew by " + datagrams + ": it sent " + (datagrams == 1 ? "a datagram" : "datagrams")
              + " to a UDP port nobody listens on");
    }, t -> !t.messages().isEmpty() || client.exitCode().isPresent() || !t.sideEvidence().isEmpty(),
        bench.timing().startup());
    assertThat(first.value()).within(first.window()).hasConnection();
    converse(bench, server, client, bench.timing().startup(), true);
  }

  @Spec(id = "client.tcp.refused", level = MUST, question = "2.3", kinds = CLIENT_TCP,
      summary = "with no server, the TCP client exits with a failure status within 2 s and says the connection was refused",
      hint = "connect() to a port nobody listens on fails at once with ConnectionRefusedError: let it end the "
          + "program with a non-zero status and a message that says \"refused\" (a traceback will do).")
  void refusedConnectionEndsTheClientVisibly(Bench bench) {
    Counters before = bench.counters();
    RunningProgram client = bench.start();
    Duration window = bench.timing().refusedClientExit();
    client.awaitExit(window);
    CounterChange refused = CounterChange.of(before, bench.counters(), "Tcp", "AttemptFails", "while the client ran");
    bench.observe("refused connection attempts", refused.describe()
        + " (a connect the kernel refused: it answered the SYN with a reset)");
    assertThat(client).as("the TCP client, started with no server listening,").within(window)
        .hasExitedWithFailure().hasPrinted("refused");
  }

  @Spec(id = "client.udp.exchange", level = MUST, question = "2.1", kinds = CLIENT_UDP,
      summary = "each typed line goes to the server as one datagram, each answer is printed, and after end the client exits 0",
      hint = "sendto() the line typed at input(\"> \") as bytes, without its newline, to (HOST, 12800); print what "
          + "recvfrom(1024) returns, and leave the loop once the message sent was b\"end\".")
  void typedLinesAreSentAsDatagramsAndAnswersPrinted(Bench bench) {
    ServedLog server = bench.serve(Protocol.UDP);
    RunningProgram client = bench.start();
    // The first datagram also waits for the client's own start.
    converse(bench, server, client, bench.timing().startup(), false);
  }

  @Spec(id = "client.udp.send-without-server", windows = 1, level = MUST, question = "2.3", kinds = CLIENT_UDP,
      summary = "with no server, a typed line still leaves as a datagram and the client waits for an answer, without an error",
      hint = "An unconnected UDP socket's sendto() succeeds whether or not anything listens; recvfrom() then waits. "
          + "Do not connect() the UDP socket: a connected one reports the ICMP error as ConnectionRefusedError.")
  void sendsWithoutServerAndWaits(Bench bench) {
    Counters before = bench.counters();
    RunningProgram client = bench.start();
    client.type(typed(bench).get(0));
    Poll.Sampled<Counters> after = bench.await("the client's datagram (Udp NoPorts to grow)",
        bench::counters,
        c -> c.since(before, "Udp", "NoPorts") > 0 || client.exitCode().isPresent(), bench.timing().startup());
    assertThat(client).as("the UDP client, with no server, after a line was typed,").within(after.window())
        .isStillRunning();
    CounterChange noPorts = CounterChange.of(before, after.value(), "Udp", "NoPorts",
        "within " + after.window().toMillis() + " ms of the line being typed, as the client's datagram reaches port "
            + bench.target().port() + " where no socket is bound");
    assertThat(noPorts).grewBy(1, "datagrams that arrived for a port no socket is bound to");
    bench.observe("datagram without server", noPorts.describe() + ": the datagram left and found no socket");

    Duration silence = bench.timing().silence();
    client.awaitExit(silence);
    ProgramAssert waiting = assertThat(client).as("the UDP client, waiting for an answer that cannot come,")
        .within(silence).isStillRunning();
    printedAnswer(bench, typed(bench).get(0)).ifPresent(waiting::hasNotPrinted);
    waiting.hasPrintedNoError();
  }

  /**
   * Types each line (the first one already, if {@code firstTyped}), checks it reached the kit's server
   * as one message and its answer (by the lab's rule) was printed; after the lab's end word (or,
   * where it has none, once its input ends) the client must exit 0. The first message may take
   * {@code firstWindow}.
   */
  private static void converse(Bench bench, ServedLog server, RunningProgram client, Duration firstWindow,
      boolean firstTyped) {
    Protocol proto = bench.target().kind().protocol();
    List<String> lines = typed(bench);
    List<String> answers = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int count = i + 1;
      if (i > 0 || !firstTyped) {
        client.type(lines.get(i));
      }
      Poll.Sampled<ServedTraffic> got = awaitTraffic(bench, server, client, "message " + count + " at the kit's server",
          t -> t.messages().size() >= count, i == 0 ? firstWindow : bench.timing().reply());
      assertThat(got.value()).within(got.window()).hasMessage(i, lines.get(i));
      Optional<String> answer = printedAnswer(bench, lines.get(i));
      if (answer.isEmpty()) {
        continue; // the lab's server answers nothing: there is nothing to print
      }
      answers.add(answer.get());
      long times = answers.stream().filter(answer.get()::equals).count();
      Duration window = bench.timing().reply();
      bench.awaitOutput(client, "answer " + count + " printed by the client",
          text -> countOf(text, answer.get()) >= times, window);
      assertThat(client).as("the %s client", proto.name()).within(window).hasPrintedTimes(answer.get(), (int) times);
      readItsAnswer(bench, proto, got.value().messages().get(i).remotePort(), count);
    }
    boolean byEndWord = bench.target().protocol().end().isPresent();
    if (!byEndWord) {
      client.endInput(); // no end word: the user ends the input (Ctrl-D)
    }
    Duration window = bench.timing().exit();
    client.awaitExit(window);
    assertThat(client).as("the %s client, after %s,", proto.name(), byEndWord ? "sending "
        + bench.target().protocol().end().get() : "its input ended").within(window).hasExitedWith(0);
  }

  /**
   * The answer printed was the one the kit's server sent, read: the client's socket holds nothing
   * unread (a client that prints what it expects, or what it typed, without reading, leaves the
   * answer in its receive queue, which the kernel shows). Within the reply bound: it may print first.
   */
  private static void readItsAnswer(Bench bench, Protocol proto, int clientPort, int count) {
    int port = bench.target().port();
    Predicate<org.sockspec.bench.SocketEntry> clientSocket = s -> s.proto() == proto && s.localPort() == clientPort
        && (proto == Protocol.UDP || s.remotePort() == port);
    Poll.Sampled<org.sockspec.bench.SocketTable> seen = bench.await("answer " + count + " read by the client",
        bench::sockets, table -> table.filter(clientSocket).stream().allMatch(s -> s.recvQ() == 0),
        bench.timing().reply());
    if (seen.value().filter(clientSocket).isEmpty()) {
      return; // the socket is gone (the client closed it after reading, or exited): nothing left unread there
    }
    String name = "the client's socket (port " + clientPort + ")";
    String why = "the answer it printed was never read from the socket (within " + seen.window().toMillis()
        + " ms): the client printed what it expected, not what the server sent";
    (proto == Protocol.TCP ? assertThat(seen.value()).hasConnection(clientPort, port, name)
        : assertThat(seen.value()).hasUdpSocket(clientPort, name)).hasNothingUnread(why);
  }

  /** The text a client prints for the answer to {@code line}: the lab's rule applied to it; empty where there is none. */
  private static Optional<String> printedAnswer(Bench bench, String line) {
    return bench.target().protocol().answer().answerTo(org.sockspec.bench.Bytes.utf8(line))
        .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What the kit's server received, sampled until {@code condition} holds, the client exits, or the window ends. */
  private static Poll.Sampled<ServedTraffic> awaitTraffic(Bench bench, ServedLog server, RunningProgram client,
      String what, Predicate<ServedTraffic> condition, Duration window) {
    Protocol proto = bench.target().kind().protocol();
    // Read the client's state before the server's log: the kit's server records a message before it
    // answers it, so a log read after the client was seen exited holds all the client sent (a log
    // read first could miss a last message answered in between, and blame the client wrongly).
    Supplier<Map.Entry<Boolean, ServedTraffic>> sample = () -> {
      boolean exited = client.exitCode().isPresent();
      return Map.entry(exited, new ServedTraffic(proto, bench.target().port(), server.events(), client));
    };
    Poll.Sampled<Map.Entry<Boolean, ServedTraffic>> got = bench.await(what, sample,
        t -> condition.test(t.getValue()) || t.getKey(), window);
    return new Poll.Sampled<>(got.value().getValue(), got.met(), got.ms(), got.window());
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
