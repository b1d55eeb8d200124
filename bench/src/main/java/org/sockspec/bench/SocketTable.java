package org.sockspec.bench;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.sockspec.probe.protocol.Protocol;

/**
 * A snapshot of the target namespace's sockets with their owners (what {@code netstat -tuanp}
 * shows), and the processes at the same moment, so owners can be named.
 */
public record SocketTable(List<SocketEntry> sockets, ProcessList processes, int probePid) {

  public List<SocketEntry> tcp() {
    return filter(s -> s.proto() == Protocol.TCP);
  }

  public List<SocketEntry> udp() {
    return filter(s -> s.proto() == Protocol.UDP);
  }

  public List<SocketEntry> filter(Predicate<SocketEntry> condition) {
    return sockets.stream().filter(condition).toList();
  }

  /** Sockets bound to local {@code port}, of {@code proto}. */
  public List<SocketEntry> onPort(Protocol proto, int port) {
    return filter(s -> s.proto() == proto && s.localPort() == port);
  }

  /** Ports with a listening TCP socket or a bound UDP socket held by the program (not the probe). */
  public List<String> programBindings() {
    return filter(s -> (s.isListening() || s.proto() == Protocol.UDP) && !s.pids().contains(probePid)
        && !s.pids().isEmpty())
        .stream().map(s -> s.proto() + " " + s.localAddress() + ":" + s.localPort()
            + (s.isListening() ? " LISTEN" : "")).distinct().toList();
  }

  /** The table as netstat prints it, with a header. */
  public String render() {
    if (sockets.isEmpty()) {
      return "(no sockets in the namespace)";
    }
    return "Proto Recv-Q Send-Q Local Address          Foreign Address        State        PID/Program name\n"
        + sockets.stream().map(s -> s.render(processes, probePid)).collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return render();
  }
}
