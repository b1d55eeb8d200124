package org.sockspec.bench.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a classic pcap file (libpcap's format, as tcpdump and Wireshark read and write it:
 * microsecond or nanosecond timestamps, either byte order) of Ethernet (the loopback's link type)
 * or Linux cooked frames, and decodes the IPv4 and IPv6 packets in it down to TCP, UDP and ICMP.
 * What it cannot decode (ARP, other protocols, cut headers) it leaves out.
 */
public final class Pcap {
  /** Link types read: Ethernet, Linux cooked capture v1. */
  static final int LINKTYPE_ETHERNET = 1;
  static final int LINKTYPE_LINUX_SLL = 113;

  private Pcap() {}

  /** The packets of {@code file}; an {@link IllegalArgumentException} saying why when it is not a pcap file. */
  public static List<Packet> read(byte[] file) {
    if (file.length < 24) {
      throw new IllegalArgumentException("not a pcap file: " + file.length + " bytes, shorter than its header");
    }
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int magic = in.getInt(0);
    boolean nanos;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      nanos = magic == 0xa1b23c4d;
    } else {
      in.order(ByteOrder.BIG_ENDIAN);
      magic = in.getInt(0);
      if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
        throw new IllegalArgumentException("not a pcap file: magic number " + Integer.toHexString(in.getInt(0)));
      }
      nanos = magic == 0xa1b23c4d;
    }
    int linkType = in.getInt(20) & 0x0fffffff;
    if (linkType != LINKTYPE_ETHERNET && linkType != LINKTYPE_LINUX_SLL) {
      throw new IllegalArgumentException("pcap link type " + linkType + " is not Ethernet or Linux cooked");
    }
    List<Packet> packets = new ArrayList<>();
    int at = 24;
    while (at + 16 <= file.length) {
      long seconds = in.getInt(at) & 0xffffffffL;
      long fraction = in.getInt(at + 4) & 0xffffffffL;
      int captured = in.getInt(at + 8);
      if (captured < 0 || at + 16 + captured > file.length) {
        break; // a record cut short: the capture was stopped while it wrote
      }
      byte[] frame = Arrays.copyOfRange(file, at + 16, at + 16 + captured);
      long time = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
      Packet packet = decode(time, frame, linkType);
      if (packet != null) {
        packets.add(packet);
      }
      at += 16 + captured;
    }
    return packets;
  }

  private static Packet decode(long time, byte[] frame, int linkType) {
    int header = linkType == LINKTYPE_ETHERNET ? 14 : 16;
    if (frame.length < header) {
      return null;
    }
    int etherType = u16(frame, header - 2);
    if (etherType == 0x0800) {
      return ipv4(time, frame, header);
    }
    if (etherType == 0x86dd) {
      return ipv6(time, frame, header);
    }
    return null;
  }

  private static Packet ipv4(long time, byte[] f, int at) {
    if (f.length < at + 20) {
      return null;
    }
    int ihl = (f[at] & 0x0f) * 4;
    int total = u16(f, at + 2);
    int protocol = f[at + 9] & 0xff;
    return transport(time, f, at + ihl, at + total, protocol);
  }

  private static Packet ipv6(long time, byte[] f, int at) {
    if (f.length < at + 40) {
      return null;
    }
    int payload = u16(f, at + 4);
    int next = f[at + 6] & 0xff;
    return transport(time, f, at + 40, at + 40 + payload, next == 58 ? 1 : next);
  }

  /** {@code end} is where the IP packet ends on the wire (the capture may have kept less). */
  private static Packet transport(long time, byte[] f, int at, int end, int protocol) {
    if (protocol == 6 && f.length >= at + 20) {
      int offset = ((f[at + 12] & 0xf0) >> 4) * 4;
      int bits = f[at + 13] & 0xff;
      Set<Packet.TcpFlag> flags = EnumSet.noneOf(Packet.TcpFlag.class);
      if ((bits & 0x02) != 0) {
        flags.add(Packet.TcpFlag.SYN);
      }
      if ((bits & 0x01) != 0) {
        flags.add(Packet.TcpFlag.FIN);
      }
      if ((bits & 0x04) != 0) {
        flags.add(Packet.TcpFlag.RST);
      }
      if ((bits & 0x08) != 0) {
        flags.add(Packet.TcpFlag.PSH);
      }
      if ((bits & 0x10) != 0) {
        flags.add(Packet.TcpFlag.ACK);
      }
      if ((bits & 0x20) != 0) {
        flags.add(Packet.TcpFlag.URG);
      }
      int data = at + offset;
      return new Packet(time, Packet.Transport.TCP, u16(f, at), u16(f, at + 2), flags, Math.max(0, end - data),
          slice(f, data, end), 0, 0, 0, 0);
    }
    if (protocol == 17 && f.length >= at + 8) {
      int length = u16(f, at + 4) - 8;
      return new Packet(time, Packet.Transport.UDP, u16(f, at), u16(f, at + 2), Set.of(), Math.max(0, length),
          slice(f, at + 8, at + 8 + Math.max(0, length)), 0, 0, 0, 0);
    }
    if (protocol == 1 && f.length >= at + 8) {
      int type = f[at] & 0xff;
      int code = f[at + 1] & 0xff;
      int quoted = at + 8; // the datagram it answers: its IP header, then its first 8 bytes
      int source = 0;
      int destination = 0;
      if (f.length >= quoted + 20) {
        int inner = quoted + (f[quoted] & 0x0f) * 4;
        if (f.length >= inner + 4) {
          source = u16(f, inner);
          destination = u16(f, inner + 2);
        }
      }
      return new Packet(time, Packet.Transport.ICMP, 0, 0, Set.of(), 0, new byte[0], type, code, source, destination);
    }
    return null;
  }

  private static byte[] slice(byte[] f, int from, int to) {
    int end = Math.min(to, f.length);
    return from >= end ? new byte[0] : Arrays.copyOfRange(f, from, end);
  }

  private static int u16(byte[] f, int at) {
    return ((f[at] & 0xff) << 8) | (f[at + 1] & 0xff);
  }
}
