package org.sockspec.bench;

import java.time.Duration;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.Received;

/**
 * What one bounded receive got: the outcome, the bytes (possibly some even on a timeout), how long
 * it took, the window it was allowed, and for UDP the port the datagram came from.
 */
public record Reply(Outcome outcome, byte[] bytes, long ms, Duration window, int fromPort) {

  static Reply of(Received answer, Duration window) {
    return new Reply(answer.outcome(), answer.data() == null ? new byte[0] : answer.data(), answer.ms(), window,
        answer.fromPort() == null ? -1 : answer.fromPort());
  }

  public boolean isData() {
    return outcome == Outcome.DATA;
  }

  public String text() {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** For messages: what came, in what time, out of which window. */
  public String describe() {
    String what = switch (outcome) {
      case DATA -> Bytes.describe(bytes);
      case TIMEOUT -> bytes.length == 0 ? "nothing" : "only " + Bytes.describe(bytes);
      case EOF -> "end of stream (the peer closed the connection)" + (bytes.length == 0 ? "" : " after " + Bytes.describe(bytes));
      case RESET -> "a reset (the peer aborted the connection)";
      case REFUSED -> "connection refused";
      default -> outcome.wire();
    };
    return what + " after " + ms + " ms (window " + window.toMillis() + " ms)";
  }
}
