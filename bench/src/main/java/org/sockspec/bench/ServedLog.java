package org.sockspec.bench;

import java.util.List;
import org.sockspec.bench.internal.ProbeChannel;
import org.sockspec.probe.protocol.ProbeAnswer.ServedEvent;
import org.sockspec.probe.protocol.ProbeAnswer.ServedEvents;
import org.sockspec.probe.protocol.ProbeRequest.ServeLog;

/**
 * What the kit's own server (serving a client under test) received: connections, messages, ends,
 * in order. Specs wait on it with {@link Poll}. The server keeps a bounded log (see the probe's
 * Responder): what a flooding client sent past it is only counted, and the transcript says so.
 */
public final class ServedLog {
  /** One event: {@code connected}, {@code data} (with bytes), {@code eof} or {@code reset}. */
  public record Event(int connection, int remotePort, String kind, byte[] data) {
    static Event of(ServedEvent event) {
      return new Event(event.connection(), event.remotePort(), event.event(),
          event.data() == null ? new byte[0] : event.data());
    }

    public String text() {
      return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final ProbeChannel probe;
  private final Timing timing;
  private final String handle;
  private final Transcript transcript;
  private long droppedSaid;

  ServedLog(ProbeChannel probe, Timing timing, String handle, Transcript transcript) {
    this.probe = probe;
    this.timing = timing;
    this.handle = handle;
    this.transcript = transcript;
  }

  public List<Event> events() {
    ServedEvents log = probe.call(timing.reply(), new ServeLog(handle), ServedEvents.class);
    synchronized (this) {
      if (log.droppedEvents() > droppedSaid) {
        droppedSaid = log.droppedEvents();
        transcript.log("the kit's server kept the first " + log.events().size() + " events of what it received, and "
            + "only counted the " + log.droppedEvents() + " after them (" + log.droppedBytes() + " bytes of data)");
      }
    }
    return log.events().stream().map(Event::of).toList();
  }

  /** The messages received, in order. */
  public List<Event> messages() {
    return events().stream().filter(e -> e.kind().equals("data")).toList();
  }
}
