package org.sockspec.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.sockspec.probe.protocol.Outcome;

/**
 * What the kernel answered, named from the exception Java made of it, so that the kit never has
 * to parse exception messages (the JDK gives no other way than its own messages to tell some apart).
 */
final class Outcomes {
  private Outcomes() {}

  static Outcome of(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof SocketTimeoutException) {
      return Outcome.TIMEOUT;
    }
    if (e instanceof PortUnreachableException || message.contains("refused")) {
      return Outcome.REFUSED;
    }
    if (e instanceof ConnectException) {
      return message.contains("timed out") ? Outcome.TIMEOUT : Outcome.REFUSED;
    }
    if (e instanceof SocketException && (message.contains("reset") || message.contains("Broken pipe"))) {
      return Outcome.RESET;
    }
    return Outcome.ERROR;
  }
}
