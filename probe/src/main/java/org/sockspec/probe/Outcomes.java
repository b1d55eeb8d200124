package org.sockspec.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Names for what the kernel answered, so that the kit never has to parse exception messages. */
final class Outcomes {
  private Outcomes() {}

  static String of(IOException e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof SocketTimeoutException) {
      return "timeout";
    }
    if (e instanceof PortUnreachableException || message.contains("refused")) {
      return "refused";
    }
    if (e instanceof ConnectException) {
      return message.contains("timed out") ? "timeout" : "refused";
    }
    if (e instanceof SocketException && (message.contains("reset") || message.contains("Broken pipe"))) {
      return "reset";
    }
    return "error";
  }
}
