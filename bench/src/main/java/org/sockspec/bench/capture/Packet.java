package org.sockspec.bench.capture;

import java.util.Set;

/**
 * One packet of a capture, decoded as far as the lab needs: its time, its transport and ports,
 * TCP's flags, the payload's length on the wire and its first bytes as captured, and for an ICMP
 * port unreachable the UDP ports of the datagram it answers.
 *
 * @param nanos capture time, nanoseconds since the epoch
 * @param payloadLength the payload's length on the wire (a UDP datagram's data, a TCP segment's data)
 * @param payload the payload's first bytes, as far as the capture kept them
 * @param quotedSource for ICMP: the source port of the datagram it answers, else 0
 * @param quotedDestination for ICMP: the destination port of the datagram it answers, else 0
 */
public record Packet(long nanos, Transport transport, int sourcePort, int destinationPort, Set<TcpFlag> flags,
    int payloadLength, byte[] payload, int icmpType, int icmpCode, int quotedSource, int quotedDestination) {

  /** What a capture's packets carry, as far as the ladder tells them apart. */
  public enum Transport {
    TCP, UDP, ICMP
  }

  /** The TCP flags a ladder shows, in the order it names them. */
  public enum TcpFlag {
    SYN, FIN, RST, PSH, ACK, URG
  }

  public Packet {
    flags = Set.copyOf(flags);
  }

  /** An ICMP destination unreachable, port unreachable: the kernel's answer to a datagram no socket took. */
  public boolean isPortUnreachable() {
    return transport == Transport.ICMP && icmpType == 3 && icmpCode == 3;
  }

  public boolean has(TcpFlag flag) {
    return flags.contains(flag);
  }
}
