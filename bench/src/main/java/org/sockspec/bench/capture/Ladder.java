package org.sockspec.bench.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.capture.Packet.TcpFlag;
import org.sockspec.bench.capture.Packet.Transport;

/**
 * A spec's exchange as a ladder diagram in text: one line per segment or datagram, in time order,
 * between named ends (the kit's clients by name, {@code server:PORT}, a client under test's
 * {@code client:PORT}), with the time since the spec began, TCP's flags, the payload's length and
 * first bytes (shown as Python prints bytes), and the kernel's ICMP port unreachable. A
 * connection's set-up folds to one line, and a run of like packets (a burst, or a stream
 * acknowledged segment by segment) to one line with its count; the kit's own traffic is left out.
 * What the exchange says about the spec is said at the end: a connect answered by a reset, data
 * acknowledged and never answered. A ladder is drawn once (its unplaced clients are named by the
 * packets it draws).
 */
public final class Ladder {
  /** First bytes of a payload shown on its line. */
  private static final int SHOWN = 24;
  /** Lines at most; a longer exchange says how many packets it left out. */
  private static final int MAX_LINES = 120;

  private final Map<Integer, String> names;
  private final List<String> unplaced;
  private final int serverPort;
  private final long startNanos;
  private final String others;

  /**
   * @param names the kit's clients by their local port ("A")
   * @param unplaced the kit's clients whose connect never completed, so whose port the kit never
   *     learnt, in the order they connected: each is the next unknown port a SYN comes from
   * @param serverPort the port the lab's server uses (the program's, or the kit's own for a client under test)
   * @param startNanos when the spec began, nanoseconds since the epoch
   * @param others what every other port is: "client" when the program under test is a client (its
   *     ports are the ones the kit did not open), else null (shown as the port alone)
   */
  public Ladder(Map<Integer, String> names, List<String> unplaced, int serverPort, long startNanos, String others) {
    this.names = new HashMap<>(names);
    this.unplaced = new ArrayList<>(unplaced);
    this.serverPort = serverPort;
    this.startNanos = startNanos;
    this.others = others;
  }

  /** The ladder of {@code packets}; "(no packet...)" when there were none. */
  public String draw(List<Packet> packets) {
    if (packets.isEmpty()) {
      return "(no packet crossed the loopback during this spec)";
    }
    for (Packet p : packets) {
      if (!unplaced.isEmpty() && p.transport() == Transport.TCP && p.flags().equals(Set.of(TcpFlag.SYN))
          && !names.containsKey(p.sourcePort()) && p.sourcePort() != serverPort) {
        names.put(p.sourcePort(), unplaced.remove(0));
      }
    }
    // Between two ports that are neither the server's nor a kit client's: not the exchange a spec is
    // about (the kit's TCP comparison burst, between a reader and writers of its own, or the
    // program's own traffic between ports of its own).
    List<Packet> all = packets;
    packets = all.stream().filter(this::concernsTheExchange).toList();
    int own = all.size() - packets.size();
    if (packets.isEmpty()) {
      return "(no packet of the exchange crossed the loopback during this spec" + (own > 0 ? "; " + own
          + " between other ports" : "") + ")";
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < packets.size(); ) {
      int handshake = handshake(packets, i);
      if (handshake > 0) {
        Packet syn = packets.get(i);
        lines.add(line(syn, end(syn.sourcePort()) + " -> " + end(syn.destinationPort()), "connects (SYN, SYN-ACK, ACK)"));
        i += handshake;
        continue;
      }
      Run run = run(packets, i);
      Packet first = packets.get(i);
      String what = what(first) + (run.count() > 1 ? "  x" + run.count() + " in "
          + ms(packets.get(i + run.length() - 1).nanos() - first.nanos()) + " ms" : "")
          + (run.acks() > 0 ? ", " + run.acks() + " ACKs back" : "");
      lines.add(line(first, direction(first), what));
      i += run.length();
    }
    List<String> notes = notes(packets);
    if (lines.size() > MAX_LINES) {
      int left = lines.size() - MAX_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_LINES));
      lines.add("  ... " + left + " more lines");
    }
    if (own > 0) {
      lines.add("  (" + own + " packets between other ports, neither the server's nor a kit client's, left out: "
          + "the kit's TCP comparison burst, or the program's traffic among its own sockets)");
    }
    lines.addAll(notes);
    return String.join("\n", lines);
  }

  private String line(Packet packet, String direction, String what) {
    return String.format(Locale.ROOT, "  %+8.3f s  %-28s %s", (packet.nanos() - startNanos) / 1e9, direction, what);
  }

  private boolean concernsTheExchange(Packet p) {
    int from = p.isPortUnreachable() ? p.quotedSource() : p.sourcePort();
    int to = p.isPortUnreachable() ? p.quotedDestination() : p.destinationPort();
    return from == serverPort || to == serverPort || names.containsKey(from) || names.containsKey(to);
  }

  /** How many packets from {@code i} are a connection's three-way handshake: 3, else 0. */
  private static int handshake(List<Packet> packets, int i) {
    if (i + 2 >= packets.size()) {
      return 0;
    }
    Packet syn = packets.get(i);
    Packet synAck = packets.get(i + 1);
    Packet ack = packets.get(i + 2);
    boolean opens = syn.transport() == Transport.TCP && syn.flags().equals(Set.of(TcpFlag.SYN));
    boolean answers = synAck.transport() == Transport.TCP && synAck.flags().equals(Set.of(TcpFlag.SYN,
        TcpFlag.ACK)) && reverse(syn, synAck);
    boolean completes = ack.transport() == Transport.TCP && ack.flags().equals(Set.of(TcpFlag.ACK))
        && ack.payloadLength() == 0 && same(syn, ack);
    return opens && answers && completes ? 3 : 0;
  }

  /** A run of like packets: the packets it spans, how many are alike, and the bare ACKs between them. */
  private record Run(int length, int count, int acks) {}

  /**
   * The packets from {@code i} that are alike (direction, kind, length, bytes), with the bare ACKs
   * the other side sent between them: a burst, and a stream acknowledged segment by segment, fold
   * to one line.
   */
  private static Run run(List<Packet> packets, int i) {
    Packet first = packets.get(i);
    int n = 1;
    int count = 1;
    int acks = 0;
    while (i + n < packets.size()) {
      Packet next = packets.get(i + n);
      if (alike(first, next)) {
        n++;
        count++;
      } else if (bareAck(next) && reverse(first, next) && i + n + 1 < packets.size()
          && alike(first, packets.get(i + n + 1))) {
        n++;
        acks++;
      } else {
        break;
      }
    }
    return new Run(n, count, acks);
  }

  private static boolean bareAck(Packet p) {
    return p.transport() == Transport.TCP && p.flags().equals(Set.of(TcpFlag.ACK)) && p.payloadLength() == 0;
  }

  private static boolean alike(Packet a, Packet b) {
    return a.transport() == b.transport() && a.flags().equals(b.flags()) && a.payloadLength() == b.payloadLength()
        && a.sourcePort() == b.sourcePort() && a.destinationPort() == b.destinationPort() && !a.isPortUnreachable()
        && Arrays.equals(a.payload(), b.payload());
  }

  private static boolean same(Packet a, Packet b) {
    return a.sourcePort() == b.sourcePort() && a.destinationPort() == b.destinationPort();
  }

  private static boolean reverse(Packet a, Packet b) {
    return a.sourcePort() == b.destinationPort() && a.destinationPort() == b.sourcePort();
  }

  private String direction(Packet packet) {
    if (packet.isPortUnreachable()) {
      return "(kernel) -> " + end(packet.quotedSource());
    }
    return end(packet.sourcePort()) + " -> " + end(packet.destinationPort());
  }

  /** "A", "the server", "the client", or ":PORT" for a port nobody is known to hold. */
  private String who(int port) {
    String name = names.get(port);
    return name != null ? name : port == serverPort ? "the server" : others != null ? "the " + others : ":" + port;
  }

  /** "A:40112", "server:12800", "client:40200", or ":PORT" for a port nobody is known to hold. */
  private String end(int port) {
    String name = names.get(port);
    return name != null ? name + ":" + port : port == serverPort ? "server:" + port
        : others != null ? others + ":" + port : ":" + port;
  }

  private String what(Packet packet) {
    return switch (packet.transport()) {
      case TCP -> flags(packet) + payload(packet);
      case UDP -> "UDP" + payload(packet);
      case ICMP -> packet.isPortUnreachable()
          ? "ICMP port unreachable: nothing bound to UDP :" + packet.quotedDestination()
          : "ICMP type " + packet.icmpType() + " code " + packet.icmpCode();
    };
  }

  private static String flags(Packet packet) {
    return Arrays.stream(TcpFlag.values()).filter(packet::has).map(Enum::name).collect(Collectors.joining("-"));
  }

  private static String payload(Packet packet) {
    if (packet.payloadLength() == 0) {
      return "";
    }
    byte[] shown = packet.payload().length > SHOWN ? Arrays.copyOf(packet.payload(), SHOWN) : packet.payload();
    boolean cut = packet.payloadLength() > shown.length;
    return " " + packet.payloadLength() + (packet.payloadLength() == 1 ? " byte " : " bytes ") + Bytes.show(shown)
        + (cut ? "..." : "");
  }

  /** What the exchange shows that a spec is about. */
  private List<String> notes(List<Packet> packets) {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      if (p.transport() == Transport.TCP && p.has(TcpFlag.RST) && !p.has(TcpFlag.SYN)) {
        Packet asked = i > 0 ? packets.get(i - 1) : null;
        if (asked != null && asked.flags().equals(Set.of(TcpFlag.SYN)) && reverse(asked, p)) {
          notes.add("  note: " + who(asked.sourcePort()) + "'s SYN was answered with a reset: the connect was refused ("
              + "nothing listened on :" + asked.destinationPort() + ")");
        }
      }
    }
    // Per connection from a kit client: data it sent, acknowledged by the other side's kernel, never answered.
    Map<String, long[]> sent = new LinkedHashMap<>(); // "client>server" -> {bytes sent, bytes answered, acked}
    for (Packet p : packets) {
      if (p.transport() != Transport.TCP) {
        continue;
      }
      if (names.containsKey(p.sourcePort())) {
        long[] c = sent.computeIfAbsent(p.sourcePort() + ">" + p.destinationPort(), k -> new long[3]);
        c[0] += p.payloadLength();
      } else if (names.containsKey(p.destinationPort())) {
        long[] c = sent.computeIfAbsent(p.destinationPort() + ">" + p.sourcePort(), k -> new long[3]);
        c[1] += p.payloadLength();
        if (c[0] > 0 && p.has(TcpFlag.ACK)) {
          c[2] = 1;
        }
      }
    }
    sent.forEach((key, c) -> {
      if (c[0] > 0 && c[1] == 0 && c[2] == 1) {
        int client = Integer.parseInt(key.split(">")[0]);
        notes.add("  note: " + names.get(client) + "'s " + c[0] + " bytes were acknowledged by the other side's kernel "
            + "(ACK) and never answered");
      }
    });
    return notes;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
