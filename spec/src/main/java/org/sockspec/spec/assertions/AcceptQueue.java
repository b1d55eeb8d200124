package org.sockspec.spec.assertions;

import org.sockspec.bench.Connect;
import org.sockspec.probe.protocol.Outcome;

/**
 * What further connects met while the server was busy with one client (see
 * {@code tcp.backlog-overflow}): how many completed and waited, whether the server accepted any of
 * them, how the last one ended, and whether the kernel counted a dropped SYN.
 *
 * @param waiting     connects that completed and were left waiting, not accepted
 * @param acceptedBy  who accepted one of them while the first client was served; null if nobody
 * @param last        the connect that did not complete at once; null if every one did
 * @param attempts    connects tried
 * @param overflows   TcpExt ListenOverflows over the attempts
 */
public record AcceptQueue(int waiting, String acceptedBy, Connect last, int attempts,
    CounterChange overflows) {

  public boolean leftOnePending() {
    return acceptedBy == null && last != null && last.outcome() == Outcome.TIMEOUT;
  }

  public String describe() {
    if (acceptedBy != null) {
      return "no queue: the server accepted a further client (" + acceptedBy + ") while it served the first one";
    }
    if (last == null) {
      return "all " + attempts + " further connects completed and none was accepted: the queue holds more than "
          + attempts;
    }
    return "capacity " + waiting + ": " + waiting + " connection" + (waiting == 1 ? "" : "s") + " completed and waited, "
        + "not accepted, while the server served the first client (Linux queues listen's backlog + 1); the next connect "
        + "was "
        + last.describe() + "; " + overflows.describe() + (overflows.delta() > 0 ? " (the kernel dropped its SYN)" : "");
  }
}
