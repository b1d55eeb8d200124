package org.sockspec.bench.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds a pcap file of loopback frames (Ethernet, IPv4) as the kernel puts them on the wire, for the tests. */
final class Frames {
  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private final int snap;

  Frames(int snap) {
    this.snap = snap;
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snap).putInt(1);
    file.writeBytes(header.array());
  }

  Frames tcp(long nanos, int from, int to, int flags, byte[] data) {
    ByteBuffer tcp = ByteBuffer.allocate(20 + data.length);
    tcp.putShort((short) from).putShort((short) to).putInt(1).putInt(1).put((byte) 0x50).put((byte) flags)
        .putShort((short) 65535).putInt(0).put(data);
    return ip(nanos, 6, tcp.array());
  }

  Frames udp(long nanos, int from, int to, byte[] data) {
    ByteBuffer udp = ByteBuffer.allocate(8 + data.length);
    udp.putShort((short) from).putShort((short) to).putShort((short) (8 + data.length)).putShort((short) 0).put(data);
    return ip(nanos, 17, udp.array());
  }

  /** An ICMP port unreachable quoting a datagram {@code from} -> {@code to}. */
  Frames portUnreachable(long nanos, int from, int to) {
    ByteBuffer quoted = ByteBuffer.allocate(28);
    quoted.put((byte) 0x45).put(new byte[8]).put((byte) 17).put(new byte[10]).putShort((short) from)
        .putShort((short) to).putInt(0);
    ByteBuffer icmp = ByteBuffer.allocate(8 + 28);
    icmp.put((byte) 3).put((byte) 3).putShort((short) 0).putInt(0).put(quoted.array());
    return ip(nanos, 1, icmp.array());
  }

  private Frames ip(long nanos, int protocol, byte[] transport) {
    ByteBuffer frame = ByteBuffer.allocate(14 + 20 + transport.length);
    frame.put(new byte[12]).putShort((short) 0x0800);
    frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transport.length)).putInt(0).put((byte) 64)
        .put((byte) protocol).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
    frame.put(transport);
    byte[] bytes = frame.array();
    int kept = Math.min(snap, bytes.length);
    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L)).putInt(kept)
        .putInt(bytes.length);
    file.writeBytes(record.array());
    file.write(bytes, 0, kept);
    return this;
  }

  byte[] bytes() {
    return file.toByteArray();
  }
}
