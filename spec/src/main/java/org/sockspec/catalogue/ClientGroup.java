package org.sockspec.catalogue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Poll;
import org.sockspec.bench.Serving;
import org.sockspec.bench.TcpClient;

/**
 * The kit's clients A, B, C... of a multi-client spec, each connected to the server under test
 * and kept connected until it ends. Exchanges are checked with the others' presence in the message
 * ("while B and C are connected"), and a missing answer is explained from the socket table.
 */
final class ClientGroup {
  private final Bench bench;
  private final ServerUnderTest server;
  private final Map<String, Talker> connected = new LinkedHashMap<>();

  private ClientGroup(Bench bench, ServerUnderTest server) {
    this.bench = bench;
    this.server = server;
  }

  /** Starts the server, and once it listens connects each of {@code names} in turn; each connect must succeed. */
  static ClientGroup connect(Bench bench, String... names) {
    ClientGroup group = new ClientGroup(bench, Given.serverListening(bench));
    for (String name : names) {
      group.connect(name);
    }
    return group;
  }

  void connect(String name) {
    String others = othersText(name);
    connected.put(name, server.connect(name, others.isEmpty() ? "" : " " + others));
  }

  List<String> names() {
    return List.copyOf(connected.keySet());
  }

  TcpClient get(String name) {
    return connected.get(name).tcpClient();
  }

  /**
   * Sends {@code message} from {@code name}; the answer must be exactly the lab's answer to it (a
   * missing one explained by who holds the message now); where the lab's server answers nothing, the
   * message must be read.
   */
  void expectAnswer(String name, String message) {
    Talker.Said said = connected.get(name).says(message).among(othersText(name))
        .explainedBy(() -> serving().whereIsMessageOf(name));
    if (bench.target().protocol().answer().answers()) {
      said.isAnsweredExactly();
    } else {
      said.isAnswered();
    }
  }

  /** Client {@code name}'s talker. */
  Talker talker(String name) {
    return connected.get(name);
  }

  /** The client has ended (its connection is closed): it no longer counts as connected. */
  void ended(String name) {
    connected.remove(name);
  }

  /** Who serves the connected clients now. */
  Serving serving() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    connected.forEach((name, talker) -> ports.put(name, talker.localPort()));
    return new Serving(bench.sockets(), bench.target().port(), ports);
  }

  /** Samples {@link #serving()} until {@code condition} holds or {@code window} ends. */
  Poll.Sampled<Serving> awaitServing(Predicate<Serving> condition, Duration window) {
    return bench.await("who serves the clients", this::serving, condition, window, Serving::describe);
  }

  /** "while A and C are connected": the other clients still connected besides {@code name}. */
  private String othersText(String name) {
    List<String> others = connected.keySet().stream().filter(other -> !other.equals(name)).toList();
    if (others.isEmpty()) {
      return "";
    }
    String list = others.size() == 1 ? others.get(0)
        : String.join(", ", others.subList(0, others.size() - 1)) + " and " + others.get(others.size() - 1);
    return "while " + list + (others.size() == 1 ? " is" : " are") + " connected";
  }
}
