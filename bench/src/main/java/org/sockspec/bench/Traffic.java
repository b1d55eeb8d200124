package org.sockspec.bench;

import java.util.List;
import org.sockspec.bench.capture.Ladder;
import org.sockspec.bench.capture.Pcap;

/**
 * What crossed the target's loopback during one spec: the capture as a pcap file (empty when there
 * was none) and its ladder diagram, or why there is no capture.
 *
 * @param pcap the capture, as tcpdump would write it; empty when none
 * @param ladder the ladder diagram, or what says why there is none
 */
public record Traffic(byte[] pcap, String ladder) {
  /** No capture, and why: {@code why} is what the ladder says instead. */
  static Traffic none(String why) {
    return new Traffic(new byte[0], "(no capture: " + why + ")");
  }

  /** The capture and its ladder, drawn by {@code ladder}, the spec's own {@code notes} at its end. */
  static Traffic of(byte[] pcap, boolean truncated, Ladder ladder, List<String> notes) {
    List<org.sockspec.bench.capture.Packet> packets;
    try {
      packets = Pcap.read(pcap);
    } catch (IllegalArgumentException e) {
      return new Traffic(pcap, "(the capture could not be read: " + e.getMessage() + ")");
    }
    StringBuilder drawn = new StringBuilder(ladder.draw(packets));
    notes.forEach(note -> drawn.append("\n  note: ").append(note));
    if (truncated) {
      drawn.append("\n  (the capture stopped keeping packets past its bound (2 MB): the rest of the spec's traffic is not "
          + "shown)");
    }
    return new Traffic(pcap, drawn.toString());
  }

  public boolean captured() {
    return pcap.length > 0;
  }
}
