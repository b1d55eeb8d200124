package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sockspec.bench.internal.ProbeChannel;

/**
 * What the kit's own server (serving a client under test) received: connections, messages, ends,
 * in order. Specs wait on it with {@link Poll}.
 */
public final class ServedLog {
  /** One event: {@code connected}, {@code data} (with bytes), {@code eof} or {@code reset}. */
  public record Event(int connection, int remotePort, String kind, byte[] data) {
    public String text() {
      return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final ProbeChannel probe;
  private final Timing timing;
  private final String handle;

  ServedLog(ProbeChannel probe, Timing timing, String handle) {
    this.probe = probe;
    this.timing = timing;
    this.handle = handle;
  }

  public List<Event> events() {
    JsonNode log = probe.call(timing.reply(), "serve.log", handle);
    List<Event> events = new ArrayList<>();
    log.path("events").forEach(e -> events.add(new Event(e.path("connection").asInt(), e.path("remotePort").asInt(),
        e.path("event").asText(), e.has("data") ? Base64.getDecoder().decode(e.get("data").asText()) : new byte[0])));
    return events;
  }

  /** The messages received, in order. */
  public List<Event> messages() {
    return events().stream().filter(e -> e.kind().equals("data")).toList();
  }
}
