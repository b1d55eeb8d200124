package org.sockspec.spec.assertions;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on a snapshot of the target's sockets (what {@code netstat -tuanp} shows), after
 * AssertJ's navigation style: find a socket, then assert on it with {@link SocketAssert}.
 *
 * <p>Pitfall: a snapshot is one moment. Take it once the sockets have settled (poll the table until
 * a condition holds, see {@link org.sockspec.bench.Poll}), or a healthy program can be caught
 * half-way (an answer not yet acknowledged sits in a Send-Q for a few microseconds).
 */
public final class SocketTableAssert extends AbstractAssert<SocketTableAssert, SocketTable> {
  SocketTableAssert(SocketTable actual) {
    super(actual, SocketTableAssert.class);
  }

  /** The one TCP socket in LISTEN state on {@code port}. */
  public SocketAssert hasOneListener(int port) {
    isNotNull();
    List<SocketEntry> listeners = actual.filter(s -> s.proto() == Protocol.TCP && s.localPort() == port && s.isListening());
    if (listeners.size() != 1) {
      throw CausedFailure.of(new Cause.SocketState("the LISTEN socket on port " + port, "one",
          listeners.isEmpty() ? "missing" : listeners.size() + " sockets"),
          "Expecting one TCP socket in LISTEN state on port %d but there %s", port,
          listeners.isEmpty() ? "is none" : "are " + listeners.size() + ":\n" + SocketLines.of(listeners, actual));
    }
    return new SocketAssert(listeners.get(0), actual, "the LISTEN socket on port " + port);
  }

  /** The socket of the connection {@code localPort} to {@code remotePort}, as seen from {@code localPort}. */
  public SocketAssert hasConnection(int localPort, int remotePort, String name) {
    isNotNull();
    List<SocketEntry> found = actual.filter(s -> s.proto() == Protocol.TCP && s.localPort() == localPort
        && s.remotePort() == remotePort);
    if (found.isEmpty()) {
      throw CausedFailure.of(new Cause.SocketState(name, "present", "missing"),
          "Expecting %s (local port %d, remote port %d) in the socket table but there is no such socket",
          name, localPort, remotePort);
    }
    return new SocketAssert(found.get(0), actual, name);
  }

  /** The UDP socket bound to local {@code port} (a kit client's, say). */
  public SocketAssert hasUdpSocket(int port, String name) {
    isNotNull();
    List<SocketEntry> found = actual.filter(s -> s.proto() == Protocol.UDP && s.localPort() == port);
    if (found.isEmpty()) {
      throw CausedFailure.of(new Cause.SocketState(name, "present", "missing"),
          "Expecting %s (UDP, port %d) in the socket table but there is no such socket", name, port);
    }
    return new SocketAssert(found.get(0), actual, name);
  }

  /**
   * The one UDP socket the program under test holds (processes other than the kit's), bound to
   * {@code port}: no other UDP socket of the program, on any port.
   */
  public SocketAssert hasOneProgramUdpSocket(int port) {
    isNotNull();
    List<SocketEntry> held = actual.filter(s -> s.proto() == Protocol.UDP && !s.pids().isEmpty()
        && !s.pids().contains(actual.probePid()));
    if (held.size() != 1 || held.get(0).localPort() != port) {
      throw CausedFailure.of(new Cause.SocketState("the server's UDP socket", "one, on port " + port,
          held.isEmpty() ? "missing" : held.size() == 1 ? "on port " + held.get(0).localPort() : held.size() + " sockets"),
          "Expecting the server to hold exactly one UDP socket, bound to port %d, but it holds %s",
          port, held.isEmpty() ? "none" : held.size() + ":\n" + SocketLines.of(held, actual));
    }
    return new SocketAssert(held.get(0), actual, "the server's UDP socket");
  }
}
