package org.sockspec.spec.assertions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Serving;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on who serves the kit's clients (question 3.2: what {@code lsof -i :12800} shows).
 * Every message names each client's holder and the listener's, so the student sees the table's
 * meaning, not just that it is wrong.
 */
public final class ServingAssert extends AbstractAssert<ServingAssert, Serving> {
  private Duration window;

  ServingAssert(Serving actual) {
    super(actual, ServingAssert.class);
  }

  /** The window the snapshot was awaited in, quoted by the messages. */
  public ServingAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  /** Every client's connection is held by a process of the program: the server accepted it. */
  public ServingAssert hasAcceptedEveryClient() {
    isNotNull();
    List<String> unaccepted = actual.unaccepted();
    if (!unaccepted.isEmpty()) {
      long queued = actual.listeners().stream().mapToLong(s -> s.recvQ()).sum();
      throw CausedFailure.of(new Cause.NotAccepted(unaccepted, queued), "Expecting the server to accept clients %s%s (a server process holding each connection), "
          + "but it never accepted %s: no process holds the server side of %s%s. Who holds what: %s.",
          Words.and(actual.clients().keySet()), inWindow(), Words.and(unaccepted),
          unaccepted.size() == 1 ? "its connection" : "their connections",
          queued > 0 ? ", which waits in the listening socket's accept queue (LISTEN Recv-Q " + queued + ")" : "",
          actual.describe());
    }
    return this;
  }

  /** A socket still listens on the port while the clients are connected. */
  public ServingAssert hasListener() {
    isNotNull();
    if (actual.listenerHolders().isEmpty()) {
      throw CausedFailure.of(new Cause.ProcessModel("a listener while serving", "no listener"),
          "Expecting a socket still listening on TCP port %d while clients %s are connected, "
          + "so that a new client can connect, but none is. Who holds what: %s.",
          actual.port(), Words.and(actual.clients().keySet()), actual.describe());
    }
    return this;
  }

  /** Fork style: each client's connection is held by a process that holds no other client's. */
  public ServingAssert hasAProcessPerClient() {
    isNotNull();
    if (actual.processPerClient().isEmpty()) {
      OptionalInt one = actual.oneProcessForAll();
      String seen = one.isPresent()
          ? "one process, pid " + one.getAsInt() + ", holds them all (as a select or threads server does)"
          : "they share processes";
      throw CausedFailure.of(new Cause.ProcessModel("a process per client",
          one.isPresent() ? "one process for all" : "shared processes"),
          "Expecting each client to be served by a process of its own (fork style: %d server PIDs "
          + "on the ESTABLISHED lines of lsof), but %s. Who holds what: %s.",
          actual.clients().size(), seen, actual.describe());
    }
    return this;
  }

  /** Select or threads style: one process holds the listening socket and every client's connection. */
  public ServingAssert hasOneProcessForAll() {
    isNotNull();
    if (actual.oneProcessForAll().isEmpty()) {
      Set<Integer> all = new TreeSet<>(actual.listenerHolders());
      actual.clients().keySet().forEach(c -> all.addAll(actual.holders(c)));
      String seen = actual.processPerClient().map(Map::size).orElse(0) == actual.clients().size()
          ? "each client has a process of its own (as a fork server does)"
          : "they are spread over " + all.size() + " processes";
      throw CausedFailure.of(new Cause.ProcessModel("one process for all", seen.startsWith("each client")
          ? "a process per client" : all.size() + " processes"),
          "Expecting one process to hold the listening socket and the connections of %s (lsof "
          + "shows the same PID on every line), but %s. Who holds what: %s.",
          Words.and(actual.clients().keySet()), seen, actual.describe());
    }
    return this;
  }

  private String inWindow() {
    return window == null ? "" : " within " + window.toMillis() + " ms";
  }
}
