package org.sockspec.probe.protocol;

import java.util.Locale;

/** The transport protocols the lab is about, as the wire and the socket table name them ("tcp", "udp"). */
public enum Protocol {
  TCP, UDP;

  /** "tcp" or "udp". */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The other one: a UDP server checked as TCP holds its port with this. */
  public Protocol other() {
    return this == TCP ? UDP : TCP;
  }

  public static Protocol of(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return wire();
  }
}
