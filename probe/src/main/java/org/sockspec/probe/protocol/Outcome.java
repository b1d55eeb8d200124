package org.sockspec.probe.protocol;

import java.util.Locale;

/** What the kernel answered to one socket operation of the probe, as the wire names it ("refused"). */
public enum Outcome {
  CONNECTED, REFUSED, TIMEOUT, RESET, EOF, DATA, SENT, ERROR;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return wire();
  }
}
