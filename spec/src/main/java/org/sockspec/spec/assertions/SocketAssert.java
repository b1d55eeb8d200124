package org.sockspec.spec.assertions;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on one socket of a {@link SocketTable} snapshot: who holds it, its queues, its state.
 * Messages name the socket and show its line as netstat prints it, owners included.
 */
public final class SocketAssert extends AbstractAssert<SocketAssert, SocketEntry> {
  private final SocketTable table;
  private final String name;

  SocketAssert(SocketEntry actual, SocketTable table, String name) {
    super(actual, SocketAssert.class);
    this.table = table;
    this.name = name;
  }

  /** In TCP state ESTABLISHED: the handshake done, neither side closed. */
  public SocketAssert isEstablished() {
    if (!"ESTABLISHED".equals(actual.state())) {
      throw CausedFailure.of(new Cause.SocketState(name, "ESTABLISHED", actual.state()),
          "Expecting %s to be ESTABLISHED but it is %s:\n%s", name, actual.state(), line());
    }
    return this;
  }

  /** Held by processes of the program under test (not by the kit, not by nobody). */
  public SocketAssert isHeldByTheProgram() {
    if (actual.pids().isEmpty() || actual.pids().contains(table.probePid())) {
      throw CausedFailure.of(new Cause.SocketState(name, "held by the program", holders()),
          "Expecting %s to be held by the server's process but %s:\n%s", name,
          actual.pids().isEmpty() ? "no process holds it" : "it is the kit's", line());
    }
    return this;
  }

  /** Held by exactly the processes that hold {@code other}: the same server process. */
  public SocketAssert isHeldBySameProcessAs(SocketEntry other, String otherName) {
    if (!actual.pids().equals(other.pids())) {
      throw CausedFailure.of(new Cause.SocketState(name, "held by " + SocketLines.owners(other, table),
          holders()), "Expecting %s to be held by the same process as %s (%s) but it is held by %s:\n%s",
          name, otherName, SocketLines.owners(other, table), SocketLines.owners(actual, table),
          SocketLines.of(List.of(other, actual), table));
    }
    return this;
  }

  /** Held by the kit's own client (the probe): the client's end of a connection. */
  public SocketAssert isHeldByTheKitsClient() {
    if (!actual.pids().contains(table.probePid())) {
      throw CausedFailure.of(new Cause.SocketState(name, "held by the kit's client", holders()),
          "Expecting %s to be held by the kit's client but it is held by %s:\n%s", name,
          SocketLines.owners(actual, table), line());
    }
    return this;
  }

  /**
   * Held by no process: a connection the kernel completed and queued on the listener, that the
   * server has not accepted (the kernel's fact: it has no inode yet; see {@link SocketEntry#isAccepted}).
   */
  public SocketAssert isNotAcceptedYet() {
    if (actual.isAccepted()) {
      throw CausedFailure.of(new Cause.SocketState(name, "not accepted", holders()),
          "Expecting %s to wait in the listener's accept queue, not accepted, but the server has "
          + "accepted it: it is held by %s:\n%s", name, SocketLines.owners(actual, table), line());
    }
    return this;
  }

  /** Recv-Q and Send-Q both 0: nothing unread, nothing unacknowledged. */
  public SocketAssert hasEmptyQueues() {
    if (actual.recvQ() != 0 || actual.sendQ() != 0) {
      throw CausedFailure.of(new Cause.SocketState(name, "Recv-Q 0, Send-Q 0",
          "Recv-Q " + actual.recvQ() + ", Send-Q " + actual.sendQ()), "Expecting %s to have Recv-Q 0 and Send-Q 0 (nothing unread, nothing unacknowledged) but it has Recv-Q %d "
          + "and Send-Q %d:\n%s", name, actual.recvQ(), actual.sendQ(), line());
    }
    return this;
  }

  /** Exactly {@code bytes} bytes received and not read by the application (Recv-Q). */
  public SocketAssert hasUnread(long bytes, String whose) {
    if (actual.recvQ() != bytes) {
      throw CausedFailure.of(new Cause.SocketState(name, "Recv-Q " + bytes, "Recv-Q " + actual.recvQ()),
          "Expecting %s's %d bytes to sit unread in the Recv-Q of %s but its Recv-Q is %d%s:\n%s", whose,
          bytes, name, actual.recvQ(), actual.recvQ() == 0 ? " (the server read them)" : "", line());
    }
    return this;
  }

  /** Nothing received and left unread (Recv-Q 0); {@code otherwise} says what unread bytes would mean. */
  public SocketAssert hasNothingUnread(String otherwise) {
    if (actual.recvQ() != 0) {
      throw CausedFailure.of(new Cause.SocketState(name, "Recv-Q 0", "Recv-Q " + actual.recvQ()),
          "Expecting %s to have nothing left to read but its Recv-Q is %d: %s:\n%s", name, actual.recvQ(),
          otherwise, line());
    }
    return this;
  }

  /** A UDP socket with no peer: it receives from, and sends to, anyone. */
  public SocketAssert isUnconnected() {
    if (!"UNCONN".equals(actual.state()) || actual.remotePort() != 0) {
      throw CausedFailure.of(new Cause.SocketState(name, "unconnected", "connected to " + actual.remoteAddress() + ":"
          + actual.remotePort()), "Expecting %s to be unconnected (remote address *:*, receiving from any client) but it is "
          + "connected to %s:%d:\n%s", name, actual.remoteAddress(), actual.remotePort(), line());
    }
    return this;
  }

  /** Who holds the socket: "no process", "PID 12 (python3)". */
  private String holders() {
    return SocketLines.owners(actual, table);
  }

  private String line() {
    return SocketLines.of(List.of(actual), table);
  }
}
