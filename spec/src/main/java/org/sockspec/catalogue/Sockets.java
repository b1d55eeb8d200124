package org.sockspec.catalogue;

import java.util.List;
import org.sockspec.bench.Bench;
import org.sockspec.bench.SocketEntry;
import org.sockspec.bench.SocketTable;
import org.sockspec.bench.TcpClient;
import org.sockspec.probe.protocol.Protocol;

/**
 * Conditions on socket tables that the catalogue polls for before it asserts (so that a healthy
 * program is never judged half-way through a handshake or an acknowledgement), and the views of a
 * table it reports.
 */
final class Sockets {
  private Sockets() {}

  /**
   * One LISTEN socket on {@code port} held by a process, the server side of the connection from
   * {@code clientPort} accepted, and both ends of that connection with empty queues.
   */
  static boolean connectionSettled(SocketTable table, int port, int clientPort) {
    List<SocketEntry> listeners = table.filter(s -> isTcp(s) && s.localPort() == port && s.isListening());
    return listeners.size() == 1 && !listeners.get(0).pids().isEmpty()
        && table.filter(s -> isTcp(s) && s.localPort() == port && s.remotePort() == clientPort
            && !s.pids().isEmpty() && idle(s)).size() == 1
        && table.filter(s -> isTcp(s) && s.localPort() == clientPort && s.remotePort() == port && idle(s)).size() == 1;
  }

  /**
   * The server side of the connection from {@code clientPort} is held by a process the table names:
   * accepted, and in a process's descriptors (the kernel gives it its inode a moment before accept()
   * puts it there).
   */
  static boolean heldConnection(SocketTable table, int port, int clientPort) {
    return serverSide(table, port, clientPort).stream().anyMatch(s -> s.isAccepted() && !s.pids().isEmpty());
  }

  /**
   * Which of {@code clients}' connections the server accepted ("Q2's connection, held by PID 57
   * (java ...)"), or null while none is held by a process (they all wait in the accept queue).
   */
  static String acceptedBy(SocketTable table, int port, List<TcpClient> clients) {
    for (TcpClient client : clients) {
      for (SocketEntry s : serverSide(table, port, client.localPort())) {
        if (!s.pids().isEmpty()) {
          return client.name() + "'s connection, held by PID " + s.pids().get(0) + " ("
              + table.processes().name(s.pids().get(0)) + ")";
        }
        if (s.isAccepted()) {
          return client.name() + "'s connection, accepted (it has an inode) by a process that has closed it since";
        }
      }
    }
    return null;
  }


  /**
   * Why a TCP client got no answer, from the server's side of its connection: closed, not
   * accepted, its message unread, or read and not answered.
   */
  static String whyNoAnswer(Bench bench, int port, int clientPort) {
    List<SocketEntry> side = serverSide(bench.sockets(), port, clientPort);
    if (side.isEmpty()) {
      return "The server's side of the connection is gone.";
    }
    SocketEntry socket = side.get(0);
    if (!socket.state().equals("ESTABLISHED")) {
      return "The server closed the connection (its side is in state " + socket.state() + ").";
    }
    if (!socket.isAccepted()) {
      return "The server has not accepted the connection: it waits in the accept queue.";
    }
    if (socket.recvQ() > 0) {
      return "The message is still unread in the server's Recv-Q (" + socket.recvQ() + " bytes): the server does "
          + "not read from this connection.";
    }
    return "The server read the message (its Recv-Q is 0) and sent nothing back.";
  }

  /** The sockets of {@code protocol} only. */
  static SocketTable tcpOrUdp(SocketTable table, Protocol protocol) {
    return protocol == Protocol.TCP ? tcpOnly(table) : udpOnly(table);
  }

  /** The TCP sockets only: what {@code netstat -tanp} shows. */
  static SocketTable tcpOnly(SocketTable table) {
    return new SocketTable(table.tcp(), table.processes(), table.probePid());
  }

  /** The UDP sockets only: what {@code netstat -uanp} shows. */
  static SocketTable udpOnly(SocketTable table) {
    return new SocketTable(table.udp(), table.processes(), table.probePid());
  }

  private static List<SocketEntry> serverSide(SocketTable table, int port, int clientPort) {
    return table.filter(s -> isTcp(s) && s.localPort() == port && s.remotePort() == clientPort);
  }

  private static boolean isTcp(SocketEntry s) {
    return s.proto() == Protocol.TCP;
  }

  private static boolean idle(SocketEntry s) {
    return s.recvQ() == 0 && s.sendQ() == 0;
  }
}
