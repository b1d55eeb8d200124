package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Poll;
import org.sockspec.bench.Reply;
import org.sockspec.bench.Serving;
import org.sockspec.bench.TcpClient;
import org.sockspec.spec.assertions.Exchange;

/**
 * The kit's clients A, B, C... of a multi-client spec, each connected to the server under test
 * and kept connected until it ends. Exchanges are checked with the others' presence in the message
 * ("while B and C are connected"), and a missing answer is explained from the socket table.
 */
final class ClientGroup {
  private final Bench bench;
  private final Map<String, TcpClient> connected = new LinkedHashMap<>();

  private ClientGroup(Bench bench) {
    this.bench = bench;
  }

  /** Connects each of {@code names} in turn; each connect must succeed. */
  static ClientGroup connect(Bench bench, String... names) {
    ClientGroup group = new ClientGroup(bench);
    for (String name : names) {
      group.connect(name);
    }
    return group;
  }

  void connect(String name) {
    TcpClient client = bench.tcpClient(name);
    String others = othersText(name);
    assertThat(client.connect(bench.target().port()))
        .as("client %s's connect%s", name, others.isEmpty() ? "" : " " + others).isConnected();
    connected.put(name, client);
  }

  List<String> names() {
    return List.copyOf(connected.keySet());
  }

  TcpClient get(String name) {
    return connected.get(name);
  }

  /** Sends {@code message} from {@code name}; the answer must be exactly the target's answer. */
  void expectAnswer(String name, String message) {
    TcpClient client = connected.get(name);
    byte[] bytes = Bytes.utf8(message);
    client.send(bytes);
    Reply reply = client.receiveAnswer();
    assertThat(new Exchange(name, bytes, reply, othersText(name),
        () -> serving().whereIsMessageOf(name))).isAnsweredExactly(bench.target().answer());
  }

  /** The client has ended (its connection is closed): it no longer counts as connected. */
  void ended(String name) {
    connected.remove(name);
  }

  /** Who serves the connected clients now. */
  Serving serving() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    connected.forEach((name, client) -> ports.put(name, client.localPort()));
    return new Serving(bench.sockets(), bench.target().port(), ports);
  }

  /** Samples {@link #serving()} until {@code condition} holds or {@code window} ends. */
  Poll.Sampled<Serving> awaitServing(Predicate<Serving> condition, Duration window) {
    Poll.Sampled<Serving> sampled = Poll.until(this::serving, condition, window);
    bench.transcript().log("await who serves the clients -> " + (sampled.met() ? "after " : "not as expected after ")
        + sampled.ms() + " ms: " + sampled.value().describe());
    return sampled;
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
