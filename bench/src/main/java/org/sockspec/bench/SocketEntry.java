package org.sockspec.bench;

import java.util.List;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.Protocol;

/**
 * One socket of the target's namespace, as /proc/net lists it, with the PIDs that hold it.
 *
 * <p>On a LISTEN socket, {@code recvQ} is the accept queue's current length ({@code sendQ} is 0 in
 * /proc/net/tcp: only {@code ss}, through netlink, shows the backlog there); on a connected one they are the bytes not yet read by the application
 * and not yet acknowledged by the peer. {@code pids} is empty for a socket no process holds: a
 * connection the kernel completed that the server has not accepted, or one in TIME_WAIT.
 */
public record SocketEntry(Protocol proto, String family, String state, String localAddress, int localPort,
    String remoteAddress, int remotePort, long sendQ, long recvQ, int uid, long inode, List<Integer> pids) {

  static SocketEntry of(SocketRow s) {
    return new SocketEntry(s.proto(), s.family(), s.state(), s.localAddress(), s.localPort(), s.remoteAddress(),
        s.remotePort(), s.sendQ(), s.recvQ(), s.uid(), s.inode(), List.copyOf(s.pids()));
  }

  /**
   * Whether a process has (or had) the socket as a file: the kernel gives a socket its inode when a
   * process holds it (an accepted connection has one). A connection the kernel completed and queued
   * on a listener, that no server accepted, has inode 0 in /proc/net/tcp: a fact root reads from the
   * kernel, whatever the program does to its own descriptors.
   */
  public boolean isAccepted() {
    return inode != 0 || !pids.isEmpty();
  }

  public boolean isListening() {
    return "LISTEN".equals(state);
  }

  /** A line as {@code netstat -tuanp} prints it, owners named from {@code processes}. */
  String render(ProcessList processes, int probePid) {
    String owner = pids.isEmpty() ? "-" : String.join(",", pids.stream()
        .map(pid -> pid == probePid ? pid + "/sockspec-probe" : pid + "/" + processes.name(pid)).toList());
    return String.format("%-5s %6d %6d %-22s %-22s %-12s %s", proto + (family.equals("ipv6") ? "6" : ""),
        recvQ, sendQ, localAddress + ":" + localPort,
        remoteAddress + ":" + (remotePort == 0 ? "*" : Integer.toString(remotePort)), state, owner);
  }
}
