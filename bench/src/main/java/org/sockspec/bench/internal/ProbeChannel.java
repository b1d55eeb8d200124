package org.sockspec.bench.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sockspec.probe.protocol.ProbeAnswer;
import org.sockspec.probe.protocol.ProbeRequest;
import org.sockspec.probe.protocol.RequestLine;
import org.sockspec.probe.protocol.Verb;
import org.sockspec.bench.KitException;

/**
 * The kit's side of the probe protocol: one request line out, one {@code ID JSON} line back, over
 * the standard streams of the probe agent (a {@code docker exec} in the probe container, or a local
 * process: whatever {@link Starter} starts it).
 *
 * <p>Every request carries its own bound; the channel waits that bound plus {@link #SLACK} for the
 * answer and reports a lost probe as a kit error, never as the program's failure.
 */
public final class ProbeChannel implements AutoCloseable {
  /** Time the answer may take beyond the request's own bound: a round trip through the engine. */
  static final Duration SLACK = Duration.ofSeconds(10);
  /** How long the probe's JVM may take to start: seconds on a machine loaded far past its cores. */
  static final Duration STARTUP = Duration.ofSeconds(30);
  /** Reads answers into the protocol's records: enums by their wire names, nothing unknown let through. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();
  private final AtomicInteger ids = new AtomicInteger();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final ProgramSession session;
  private final int agentPid;
  /** Once the probe's streams closed (it exited, or the engine went away), every call fails at once. */
  private volatile boolean closed;

  /** Starts the probe agent, its output to the channel. */
  public interface Starter {
    ProgramSession start(Consumer<byte[]> output, Runnable onClosed);
  }

  /** The probe agent's command: a small, quick JVM; {@code options} say where the target is (see ProbeConfig). */
  public static List<String> agentCommand(String classpath, List<String> options) {
    // IPv4 sockets, as the lab's programs use: where the namespace has IPv6 too (a process
    // sandbox's), Java would otherwise open dual-stack ones, listed as tcp6.
    List<String> command = new java.util.ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xss512k", "-Xmx64m", "-Djava.net.preferIPv4Stack=true", "-cp", classpath, "org.sockspec.probe.ProbeAgent"));
    command.addAll(options);
    return command;
  }

  public ProbeChannel(Starter starter) {
    session = starter.start(this::receive, () -> {
      closed = true;
      lines.add("closed {}");
    });
    String ready = poll(STARTUP);
    if (ready == null || !ready.startsWith("ready ")) {
      throw new KitException("the probe did not start within " + STARTUP.toSeconds() + " s (got: " + ready + ")");
    }
    try {
      agentPid = JSON.readTree(ready.substring("ready ".length())).path("pid").asInt(-1);
    } catch (IOException e) {
      throw new KitException("the probe started with something that is not JSON: " + ready);
    }
  }

  /** The agent's pid in its pid namespace, as it said when it started. */
  public int agentPid() {
    return agentPid;
  }

  // Called on docker-java's stream thread; it must not take the lock call() holds while it waits.
  private void receive(byte[] bytes) {
    synchronized (partial) {
      split(bytes);
    }
  }

  private void split(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        lines.add(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
      } else {
        partial.write(b);
      }
    }
  }

  /**
   * Sends {@code request}, waits for its answer and reads it as {@code answer}; {@code bound} is
   * the request's own timeout. A request the probe could not do is the kit's error
   * ({@link KitException}), except a socket operation's, whose error is the kernel's answer, in
   * the answer's {@code outcome}.
   */
  public synchronized <A extends ProbeAnswer> A call(Duration bound, ProbeRequest request, Class<A> answer) {
    String id = Integer.toString(ids.incrementAndGet());
    Verb verb = Verb.of(request);
    if (closed) { // no answer can come: its streams are closed
      throw new KitException("the probe is gone (its streams closed): it cannot do '" + verb + "'");
    }
    session.write((new RequestLine(id, request).write() + "\n").getBytes(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + bound.plus(SLACK).toNanos();
    while (true) {
      String line = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (line == null) {
        throw new KitException("the probe did not answer '" + verb + "' within " + bound.plus(SLACK).toMillis() + " ms");
      }
      if (line.startsWith("closed ")) {
        throw new KitException("the probe exited while answering '" + verb + "'");
      }
      if (line.startsWith(id + " ")) {
        return read(verb, line.substring(id.length() + 1), answer);
      }
    }
  }

  private static <A extends ProbeAnswer> A read(Verb verb, String json, Class<A> answer) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new KitException("the probe answered '" + verb + "' with something that is not JSON: " + json);
    }
    boolean kernelsAnswer = verb.isSocketOperation() && Arrays.stream(answer.getRecordComponents())
        .anyMatch(component -> component.getName().equals("outcome"));
    if ("error".equals(node.path("outcome").asText()) && !kernelsAnswer) {
      throw new KitException("the probe could not do '" + verb + "': " + node.path("error").asText());
    }
    try {
      return JSON.treeToValue(node, answer);
    } catch (IOException | IllegalArgumentException e) {
      throw new KitException("the probe's answer to '" + verb + "' is not a " + answer.getSimpleName() + ": " + json);
    }
  }

  private String poll(Duration window) {
    try {
      return lines.poll(window.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
