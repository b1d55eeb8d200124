package org.sockspec.bench;

/** What the kernel answered to one probe operation. */
public enum Outcome {
  CONNECTED, REFUSED, TIMEOUT, RESET, EOF, DATA, SENT, ERROR;

  static Outcome of(String probeOutcome) {
    return switch (probeOutcome) {
      case "connected" -> CONNECTED;
      case "refused" -> REFUSED;
      case "timeout" -> TIMEOUT;
      case "reset" -> RESET;
      case "eof" -> EOF;
      case "data" -> DATA;
      case "sent", "open", "closed", "listening", "accepted", "serving" -> SENT;
      default -> ERROR;
    };
  }
}
