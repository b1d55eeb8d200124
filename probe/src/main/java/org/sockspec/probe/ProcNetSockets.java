package org.sockspec.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockspec.probe.protocol.ProbeAnswer.SocketRow;
import org.sockspec.probe.protocol.Protocol;

/**
 * The namespace's sockets as the kernel lists them in /proc/net/{tcp,tcp6,udp,udp6}, each with the
 * PIDs whose file descriptors hold it: the facts {@code netstat -tuanp} and {@code lsof -i} print.
 *
 * <p>Columns kept: state, local and remote address and port, tx_queue and rx_queue (Send-Q and
 * Recv-Q; on a LISTEN socket rx_queue is the accept queue's length; tx_queue is 0 there), uid
 * and inode. A socket with inode 0 belongs to no process: for instance a connection the kernel
 * completed but the server has not accepted yet.
 */
final class ProcNetSockets {
  private static final String[] TCP_STATES = {
    "?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
    "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"
  };

  private ProcNetSockets() {}

  /** Every socket with its owners; {@code owners} may be empty when only states are needed. */
  static List<SocketRow> read(Map<Long, Set<Integer>> owners) throws IOException {
    return read(owners, null);
  }

  /** As {@link #read(Map)}, leaving out the TIME_WAIT sockets earlier specs left ({@code residue}, may be null). */
  static List<SocketRow> read(Map<Long, Set<Integer>> owners, Residue residue) throws IOException {
    List<SocketRow> sockets = new ArrayList<>();
    for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of("/proc/net", proto));
      } catch (NoSuchFileException e) {
        continue; // no IPv6 in this namespace
      }
      for (String line : lines.subList(1, lines.size())) {
        SocketRow socket = parse(proto, line.trim().split("\\s+"), owners);
        if (residue == null || !residue.isLeftOver(socket)) {
          sockets.add(socket);
        }
      }
    }
    return sockets;
  }

  /**
   * Whether a socket of {@code proto} ("tcp", "udp") bound to local {@code port} is in {@code state}
   * (or "ANY"): only that protocol's two files are read, and only the lines on the port are
   * parsed, so a poll costs little.
   */
  static boolean holds(Protocol proto, int port, String state, Residue residue) throws IOException {
    String portHex = String.format(":%04X ", port);
    for (String file : List.of(proto.wire(), proto.wire() + "6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of("/proc/net", file));
      } catch (NoSuchFileException e) {
        continue;
      }
      for (String line : lines.subList(1, lines.size())) {
        int local = line.indexOf(':', line.indexOf(':') + 1); // after "sl:", the local address's port
        if (local < 0 || !line.startsWith(portHex, local)) {
          continue;
        }
        SocketRow socket = parse(file, line.trim().split("\\s+"), Map.of());
        if ((residue == null || !residue.isLeftOver(socket))
            && (state.equals("ANY") || socket.state().equals(state))) {
          return true;
        }
      }
    }
    return false;
  }

  private static SocketRow parse(String file, String[] f, Map<Long, Set<Integer>> owners) {
    String[] local = f[1].split(":");
    String[] remote = f[2].split(":");
    String[] queues = f[4].split(":");
    int state = Integer.parseInt(f[3], 16);
    long inode = Long.parseLong(f[9]);
    boolean tcp = file.startsWith("tcp");
    return new SocketRow(tcp ? Protocol.TCP : Protocol.UDP, file.endsWith("6") ? "ipv6" : "ipv4",
        tcp ? TCP_STATES[Math.min(state, TCP_STATES.length - 1)] : (state == 1 ? "ESTABLISHED" : "UNCONN"),
        address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]), Integer.parseInt(remote[1], 16),
        Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16), Integer.parseInt(f[7]), inode, timerMs(f[5]),
        new ArrayList<>(owners.getOrDefault(inode, Set.of())));
  }

  /**
   * The socket's timer ({@code tr:tm->when}: kind and clock ticks left, in hex) in milliseconds;
   * for a TIME_WAIT socket, how long it still waits. USER_HZ is 100 on every Linux this runs on.
   */
  private static long timerMs(String timer) {
    int colon = timer.indexOf(':');
    return colon < 0 ? 0 : Long.parseLong(timer.substring(colon + 1), 16) * 10;
  }

  /**
   * Kernel hex addresses are the in-memory bytes, 32-bit words in host order (little endian
   * here). IPv4-mapped IPv6 addresses are shown as IPv4, as netstat does.
   */
  static String address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = word * 8 + (3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= bytes[i] == 0;
    }
    mapped &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    if (mapped) {
      return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
    }
    StringBuilder v6 = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      if (i > 0) {
        v6.append(':');
      }
      v6.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
    }
    return v6.toString().replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::");
  }
}
