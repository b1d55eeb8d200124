package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;

/**
 * What one bounded receive got: the outcome, the bytes (possibly some even on a timeout), how long
 * it took, the window it was allowed, and for UDP the port the datagram came from.
 */
public record Reply(Outcome outcome, byte[] bytes, long ms, Duration window, int fromPort) {

  static Reply of(JsonNode answer, Duration window) {
    byte[] data = answer.has("data") ? Base64.getDecoder().decode(answer.get("data").asText()) : new byte[0];
    return new Reply(Outcome.of(answer.path("outcome").asText()), data, answer.path("ms").asLong(),
        window, answer.path("fromPort").asInt(-1));
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
      default -> outcome.name().toLowerCase();
    };
    return what + " after " + ms + " ms (window " + window.toMillis() + " ms)";
  }
}
