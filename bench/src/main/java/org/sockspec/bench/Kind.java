package org.sockspec.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sockspec.probe.protocol.Protocol;

/** The kinds of lab program a spec applies to, by their public names ({@code tcp-fork}...). */
public enum Kind {
  /** Single-threaded TCP server (srv_tcp.py). */
  TCP("tcp", true, Protocol.TCP),
  /** UDP server (srv_udp.py). */
  UDP("udp", true, Protocol.UDP),
  /** Multi-client TCP server, a process per client (srv_tcp_fork.py). */
  TCP_FORK("tcp-fork", true, Protocol.TCP),
  /** Multi-client TCP server, one process waiting on all sockets with select (srv_tcp_select.py). */
  TCP_SELECT("tcp-select", true, Protocol.TCP),
  /** Multi-client TCP server, a thread per client. */
  TCP_THREADS("tcp-threads", true, Protocol.TCP),
  /** TCP client (client_tcp.py HOST). */
  CLIENT_TCP("client-tcp", false, Protocol.TCP),
  /** UDP client (client_udp.py HOST). */
  CLIENT_UDP("client-udp", false, Protocol.UDP);

  private final String id;
  private final boolean server;
  private final Protocol protocol;

  Kind(String id, boolean server, Protocol protocol) {
    this.id = id;
    this.server = server;
    this.protocol = protocol;
  }

  public String id() {
    return id;
  }

  public boolean isServer() {
    return server;
  }

  /** The protocol this kind of program speaks. */
  public Protocol protocol() {
    return protocol;
  }

  public static Kind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + text + "': use one of "
            + names()));
  }

  public static String names() {
    return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
