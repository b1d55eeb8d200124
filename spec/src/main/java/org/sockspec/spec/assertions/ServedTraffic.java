package org.sockspec.spec.assertions;

import java.util.List;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.ServedLog;
import org.sockspec.probe.protocol.Protocol;

/**
 * What the kit's own server received from the client under test by some moment (connections and
 * messages, in order), with the client itself, so a failure can say whether it is still running.
 *
 * @param sideEvidence what the kernel saw meanwhile that explains a miss (a datagram sent to a port
 *     nobody listens on...), or empty
 */
public record ServedTraffic(Protocol proto, int port, List<ServedLog.Event> events, RunningProgram client,
    String sideEvidence) {

  public ServedTraffic(Protocol proto, int port, List<ServedLog.Event> events, RunningProgram client) {
    this(proto, port, events, client, "");
  }

  public List<ServedLog.Event> messages() {
    return events.stream().filter(e -> e.kind().equals("data")).toList();
  }

  public boolean connected() {
    return events.stream().anyMatch(e -> e.kind().equals("connected"));
  }
}
