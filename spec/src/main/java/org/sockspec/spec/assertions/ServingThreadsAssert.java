package org.sockspec.spec.assertions;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.ServingThreads;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on how the one serving process uses its threads: a thread per client (each blocked
 * in a receive on its own client's socket) or one wait for everyone (select style).
 */
public final class ServingThreadsAssert extends AbstractAssert<ServingThreadsAssert, ServingThreads> {
  private Duration window;

  ServingThreadsAssert(ServingThreads actual) {
    super(actual, ServingThreadsAssert.class);
  }

  /** The window the snapshot was awaited in, quoted by the messages. */
  public ServingThreadsAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  public ServingThreadsAssert hasAThreadPerClient() {
    isNotNull();
    if (!actual.threadPerClient()) {
      List<String> own = actual.clientsWithOwnThread();
      String seen = own.size() == actual.serving().clients().size()
          ? "a thread waits on several clients' sockets at once besides"
          : own.isEmpty() ? "no client has a thread of its own" : "only " + Words.and(own)
              + (own.size() == 1 ? " has one" : " have one");
      throw CausedFailure.of(new Cause.ProcessModel("a thread per client",
          actual.oneWaitForAll() ? "one thread for all" : seen),
          "Expecting pid %d to serve each client from a thread of its own (each thread blocked in a "
          + "receive on its client's socket)%s, but %s: %s.%s",
          actual.threads().pid(), inWindow(), seen, actual.describe(),
          actual.oneWaitForAll() ? " That is the select style: one thread waits on every socket at once." : "");
    }
    return this;
  }

  public ServingThreadsAssert hasNoThreadPerClient() {
    isNotNull();
    List<String> own = actual.clientsWithOwnThread();
    if (!own.isEmpty()) {
      throw CausedFailure.of(new Cause.ProcessModel("one thread for all", "a thread per client"),
          "Expecting pid %d to serve every client from one thread waiting on all sockets at once "
          + "(select style), but %s %s (threads style): %s.",
          actual.threads().pid(), Words.and(own), own.size() == 1 ? "has a thread of its own blocked on its socket"
              : "each have a thread of their own blocked on their socket", actual.describe());
    }
    // Not having a thread per client is not enough: one wait must be on every client (a wait that
    // reads nothing, or a set hidden from the kit, serves no one), or the process has one thread
    // only, which then serves every client itself (a select loop that spins is seen running).
    if (!actual.oneWaitForAll() && actual.threads().threads().size() != 1) {
      throw CausedFailure.of(new Cause.ProcessModel("one thread for all", "no thread waits on every client"),
          "Expecting pid %d to serve every client from one thread waiting on all their sockets at once (select "
          + "style: one select, poll or epoll for the listening socket and every client)%s, but it has %d threads "
          + "and none waits to read every client's socket: %s.", actual.threads().pid(), inWindow(),
          actual.threads().threads().size(), actual.describe());
    }
    return this;
  }

  private String inWindow() {
    return window == null ? "" : " within " + window.toMillis() + " ms";
  }
}
