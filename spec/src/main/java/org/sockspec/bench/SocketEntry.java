package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket of the target's namespace, as /proc/net lists it, with the PIDs that hold it.
 *
 * <p>On a LISTEN socket, {@code recvQ} is the accept queue's current length ({@code sendQ} is 0 in
 * /proc/net/tcp: only {@code ss}, through netlink, shows the backlog there); on a connected one they are the bytes not yet read by the application
 * and not yet acknowledged by the peer. {@code pids} is empty for a socket no process holds: a
 * connection the kernel completed that the server has not accepted, or one in TIME_WAIT.
 */
public record SocketEntry(String proto, String family, String state, String localAddress, int localPort,
    String remoteAddress, int remotePort, long sendQ, long recvQ, int uid, long inode, List<Integer> pids) {

  static SocketEntry of(JsonNode s) {
    List<Integer> pids = new ArrayList<>();
    s.path("pids").forEach(p -> pids.add(p.asInt()));
    return new SocketEntry(s.path("proto").asText(), s.path("family").asText(), s.path("state").asText(),
        s.path("localAddress").asText(), s.path("localPort").asInt(), s.path("remoteAddress").asText(),
        s.path("remotePort").asInt(), s.path("sendQ").asLong(), s.path("recvQ").asLong(),
        s.path("uid").asInt(), s.path("inode").asLong(), List.copyOf(pids));
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
