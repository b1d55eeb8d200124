package org.sockspec.bench;

import java.util.Locale;
import java.util.Optional;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.Protocol;

/**
 * A lab's protocol, as data: what a server answers each message with, how messages are cut on the
 * wire, which message ends a conversation and what the server does then, how much of a datagram a
 * UDP server reads, and whether a TCP server greets a client first. The catalogue judges every
 * program by it, and the kit plays a server by it for a client under test. {@link #HANDOUT} is the
 * handout's.
 *
 * @param answer what a server answers each message with
 * @param framing how messages and answers are cut
 * @param end the message that ends a conversation ({@code end}), or empty: only the client closing ends it
 * @param endAnswered whether the server answers the end word like any message (the handout's does)
 * @param afterEnd what a server does once the conversation ended; empty: the default of its protocol
 *     (a TCP server closes the connection and goes on, a UDP server exits)
 * @param udpBuffer how many bytes of a datagram a UDP server reads (the handout's 50): a longer one is
 *     cut to that; 0 when the lab has no truncation behaviour
 * @param greeting what a TCP server sends a client as soon as it accepts it, before any message; empty
 *     for none
 */
public record LabProtocol(AnswerRule answer, Framing framing, Optional<String> end, boolean endAnswered,
    Optional<AfterEnd> afterEnd, int udpBuffer, Optional<String> greeting) {

  /** The largest UDP payload over IPv4: a buffer this large can cut nothing. */
  public static final int MAX_DATAGRAM = 65_507;

  /** The handout's: "Message received" to every message, one recv per message, end by {@code end}, 50 bytes. */
  public static final LabProtocol HANDOUT = new LabProtocol(AnswerRule.HANDOUT, Framing.RAW, Optional.of("end"), true,
      Optional.empty(), 50, Optional.empty());

  /** What a server does once a conversation ended. */
  public enum AfterEnd {
    /** It closes the connection and goes on serving (a UDP server: it goes on serving). */
    CLOSE,
    /** It exits (status 0). */
    EXIT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid forms */
    public static AfterEnd parse(String written) {
      return switch (written.trim().toLowerCase(Locale.ROOT)) {
        case "close" -> CLOSE;
        case "exit" -> EXIT;
        default -> throw new IllegalArgumentException("unknown after-end '" + written + "': say close (the server "
            + "closes the connection and goes on serving) or exit (the server exits once it answered the end)");
      };
    }
  }

  public LabProtocol {
    if (udpBuffer < 0 || udpBuffer > MAX_DATAGRAM) {
      throw new IllegalArgumentException("the UDP buffer must be from 1 to " + MAX_DATAGRAM + " bytes (or 0: the lab "
          + "has no truncation behaviour), got " + udpBuffer + "; a UDP payload over " + MAX_DATAGRAM
          + " bytes cannot exist");
    }
    end.ifPresent(word -> {
      if (word.isEmpty() || word.contains("\n")) {
        throw new IllegalArgumentException("the end word must be a non-empty text without a newline, or none");
      }
    });
  }

  /** What a server of {@code protocol} does once a conversation ended. */
  public AfterEnd afterEnd(Protocol protocol) {
    return afterEnd.orElse(protocol == Protocol.TCP ? AfterEnd.CLOSE : AfterEnd.EXIT);
  }

  /** The bytes {@code message} is sent as. */
  public byte[] wire(byte[] message) {
    return framing.frame(message);
  }

  /**
   * The bytes a server's answer to {@code message} arrives as, framed; empty when it answers nothing.
   * {@code read} is what the server could read of it (a datagram cut to its buffer).
   */
  public Optional<byte[]> expectedAnswer(byte[] read) {
    return answer.answerTo(read).map(framing::frame);
  }

  /** Whether the end word, sent, is answered. */
  public boolean answersTheEnd() {
    return end.isPresent() && endAnswered && answer.answers();
  }

  /** What a UDP server reads of a datagram of {@code message}: its first {@link #udpBuffer} bytes. */
  public byte[] readOf(byte[] datagram) {
    return udpBuffer > 0 && datagram.length > udpBuffer ? java.util.Arrays.copyOf(datagram, udpBuffer) : datagram;
  }

  /** Whether the lab has a truncation behaviour to check: a buffer a datagram can be longer than. */
  public boolean truncates() {
    return udpBuffer > 0 && udpBuffer < MAX_DATAGRAM;
  }

  public LabProtocol withAnswer(AnswerRule rule) {
    return new LabProtocol(rule, framing, end, endAnswered, afterEnd, udpBuffer, greeting);
  }

  public LabProtocol withFraming(Framing newFraming) {
    return new LabProtocol(answer, newFraming, end, endAnswered, afterEnd, udpBuffer, greeting);
  }

  public LabProtocol withEnd(Optional<String> word) {
    return new LabProtocol(answer, framing, word, endAnswered, afterEnd, udpBuffer, greeting);
  }

  public LabProtocol withEndAnswered(boolean answered) {
    return new LabProtocol(answer, framing, end, answered, afterEnd, udpBuffer, greeting);
  }

  public LabProtocol withAfterEnd(Optional<AfterEnd> what) {
    return new LabProtocol(answer, framing, end, endAnswered, what, udpBuffer, greeting);
  }

  public LabProtocol withUdpBuffer(int bytes) {
    return new LabProtocol(answer, framing, end, endAnswered, afterEnd, bytes, greeting);
  }

  public LabProtocol withGreeting(Optional<String> text) {
    return new LabProtocol(answer, framing, end, endAnswered, afterEnd, udpBuffer, text);
  }

  /** Reads an end as written: a word, or {@code none}. */
  public static Optional<String> parseEnd(String written) {
    return written.equals("none") ? Optional.empty() : Optional.of(written);
  }

  /** Reads a UDP buffer as written: a number of bytes. @throws IllegalArgumentException */
  public static int parseUdpBuffer(String written) {
    try {
      return Integer.parseInt(written.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the UDP buffer is a number of bytes from 1 to " + MAX_DATAGRAM
          + " (0: no truncation), got '" + written + "'");
    }
  }

  /** The protocol in a line, for reports: "answer echo, framing line, end none, ...". */
  public String describe() {
    return "answer " + answer.text() + ", framing " + framing.wire() + ", end " + end.orElse("none")
        + (endAnswered ? "" : " (not answered)") + afterEnd.map(a -> ", after-end " + a.wire()).orElse("")
        + ", udp-buffer " + udpBuffer + greeting.map(g -> ", greeting \"" + g + "\"").orElse("");
  }
}
