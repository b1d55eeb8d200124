package org.sockspec.bench;

import org.sockspec.probe.protocol.Outcome;

/** What one bounded TCP connect got: the outcome, how long it took, and the client's own port. */
public record Connect(Outcome outcome, long ms, long windowMs, int localPort, String error) {
  public String describe() {
    return switch (outcome) {
      case CONNECTED -> "connected in " + ms + " ms (client port " + localPort + ")";
      case REFUSED -> "refused in " + ms + " ms";
      case TIMEOUT -> "still pending after " + ms + " ms (neither accepted nor refused; window " + windowMs + " ms)";
      default -> outcome.wire() + " after " + ms + " ms" + (error == null ? "" : ": " + error);
    };
  }
}
