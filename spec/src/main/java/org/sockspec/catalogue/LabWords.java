package org.sockspec.catalogue;

import java.util.Optional;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.LabProtocol.AfterEnd;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.SpecInfo;

/**
 * The catalogue's summaries and hints in a lab's own words: a spec's annotation says them in the
 * handout's ({@code b"Message received"}, {@code end}, 50 bytes); for another lab, the specs whose
 * words depend on the protocol say its answer, its framing, its end and its buffer. A student whose
 * lab echoes is never told to answer "Message received".
 */
final class LabWords {
  private LabWords() {}

  /** {@code spec} in the words of a lab of {@code p} (the handout's words for the handout's protocol). */
  static SpecInfo of(SpecInfo spec, LabProtocol p) {
    if (p.equals(LabProtocol.HANDOUT) || spec.scenario()) { // a scenario is in its lab's words already
      return spec;
    }
    return switch (spec.id()) {
      case "tcp.ack" -> spec.withWords("each message a client sends (1, 100, 1000 bytes" + lines(p) + ") is answered with "
          + "exactly " + answer(p), "After each message (" + message(p) + "), the server must send exactly "
          + code(p) + "" + newline(p) + ", once per message.");
      case "tcp.end" -> p.end().isPresent()
          ? spec.withWords("after the client sends " + word(p) + ", the server " + (p.answersTheEnd() ? "answers it and "
              : "") + "closes the connection" + (p.afterEnd(Protocol.TCP) == AfterEnd.EXIT ? " and exits with status 0"
              : ""), (p.answersTheEnd() ? "Answer " + word(p) + " like any message, then leave" : "Leave")
              + " the receive loop and close the connection (conn.close()): the client then reads end of stream"
              + (p.afterEnd(Protocol.TCP) == AfterEnd.EXIT ? "; then close the listening socket and let the program end."
                  : "."))
          : spec.withWords("when the client closes its side, the server closes its own within the reply bound: no "
              + "connection is left in CLOSE_WAIT", "recv() returns b\"\" (0 bytes) once the client closed its side: "
              + "leave the receive loop then and close the connection (conn.close()), or it stays in CLOSE_WAIT "
              + "(netstat shows it) until the server exits.");
      case "tcp.second-client-waits" -> spec.withWords("while client A is served, client B connects and sends but "
          + "gets nothing, its bytes unread in the server's queue; A is still " + served(p) + "; after A "
          + ended(p) + " B is served or reset", spec.hint());
      case "udp.ack" -> spec.withWords("each datagram (1, 20, 50 bytes" + lines(p) + ") is answered with exactly "
          + answer(p) + (p.truncates() && p.udpBuffer() < 50 ? " (of its first " + p.udpBuffer() + " bytes)" : "")
          + ", sent to the sender's address and port", "Answer with s.sendto(" + code(p) + newline(p)
          + ", address), where address is the (host, port) pair recvfrom returned: the client's own port, not the "
          + "server's.");
      case "udp.truncates-to-50" -> spec.withWords("a datagram longer than " + p.udpBuffer() + " bytes reaches the "
          + "server as exactly its first " + p.udpBuffer() + " bytes" + (p.answer().dependsOnTheMessage()
              ? "; its answer is " + p.answer().describe() + ", of those " + p.udpBuffer() + " bytes"
              : "; the server still answers and the rest is discarded"), "recvfrom(" + p.udpBuffer() + ") returns "
          + "at most " + p.udpBuffer() + " bytes of a datagram and the kernel discards the rest: the next recvfrom "
          + "returns the next datagram, not the rest of this one.");
      case "udp.end" -> p.end().isEmpty()
          ? spec.withWords("once a client is done, the server goes on serving the next one", "A UDP server has no "
              + "connection to end: it keeps its one socket and answers whoever sends next.")
          : p.afterEnd(Protocol.UDP) == AfterEnd.EXIT
              ? spec.withWords(word(p) + " is " + (p.answersTheEnd() ? "answered" : "read") + " and the server then "
                  + "exits with status 0", (p.answersTheEnd() ? "Answer " + word(p) + " like any message, then leave"
                  : "Leave") + " the loop, close the socket and let the program end normally.")
              : spec.withWords(word(p) + " is " + (p.answersTheEnd() ? "answered" : "read") + " and the server goes "
                  + "on serving the next client", "After " + word(p) + ", keep the socket and go on answering: "
                  + "the lab's server serves every client, one datagram at a time.");
      case "mtcp.concurrent" -> spec.withWords("three clients stay connected; messages sent round-robin A B C A B C "
          + "are each " + served(p) + " before the next is sent", spec.hint());
      case "mtcp.end-closes-one" -> p.end().isPresent()
          ? spec.withWords("a client's " + word(p) + " closes that client's connection only: the others are still "
              + served(p) + " and a new client is served", "After " + (p.answersTheEnd() ? "answering " : "reading ")
              + word(p) + ", close that client's socket only (conn.close(), and remove it from the select lists); keep "
              + "the listening socket open and keep serving the others.")
          : spec.withWords("a client that closes its side has its connection closed by the server (none left in "
              + "CLOSE_WAIT) and only that one: the others are still " + served(p) + " and a new client is served",
              "When recv() returns b\"\" (0 bytes), close that client's socket only (conn.close(), and remove it from "
              + "the select lists); keep the listening socket open and keep serving the others.");
      case "client.tcp.exchange", "client.udp.exchange" -> spec.withWords("each typed line goes to the server as one "
          + (p.framing() == Framing.LINE ? "line" : spec.id().startsWith("client.tcp") ? "message" : "datagram")
          + (p.answer().answers() ? ", each answer is printed" : "") + ", and "
          + p.end().map(w -> "after " + w).orElse("once its input ends (Ctrl-D)") + " the client exits 0",
          "Send the line typed at input(\"> \") as bytes" + (p.framing() == Framing.LINE ? ", with its newline"
              : ", without its newline") + (p.answer().answers() ? ", print the answer" : "")
              + ", and leave the loop " + p.end().map(w -> "once the message sent was b\"" + w + "\"")
              .orElse("when input() raises EOFError (the input ended)") + ".");
      default -> spec;
    };
  }

  /** "the message itself in upper case", as a line where the lab frames by lines. */
  private static String answer(LabProtocol p) {
    return p.answer().describe() + (p.framing() == Framing.LINE ? ", as a line" : "");
  }

  /** How the lab's rule is written in a Python server: {@code b"Message received"}, {@code data.upper()}. */
  private static String code(LabProtocol p) {
    AnswerRule rule = p.answer();
    if (rule instanceof AnswerRule.Constant constant) {
      return "b\"" + constant.answer() + "\"";
    }
    if (rule instanceof AnswerRule.Echo) {
      return "the bytes it received (data)";
    }
    if (rule instanceof AnswerRule.Upper) {
      return "data.upper(), the bytes it received in upper case";
    }
    if (rule instanceof AnswerRule.Lower) {
      return "data.lower(), the bytes it received in lower case";
    }
    if (rule instanceof AnswerRule.Template template) {
      return "\"" + template.template().replace(AnswerRule.MSG, "\" + data + \"") + "\" (" + rule.describe() + ")";
    }
    return "nothing";
  }

  private static String newline(LabProtocol p) {
    return p.framing() == Framing.LINE ? " followed by b\"\\n\"" : "";
  }

  private static String lines(LabProtocol p) {
    return p.framing() == Framing.LINE ? ", each a line" : "";
  }

  private static String message(LabProtocol p) {
    return p.framing() == Framing.LINE ? "a line, up to its \\n, however many recv() it takes"
        : "what one recv(1024) returns";
  }

  private static String word(LabProtocol p) {
    return p.end().map(w -> "b\"" + w + "\"").orElse("its end");
  }

  private static String served(LabProtocol p) {
    return p.answer().answers() ? "answered" : "read";
  }

  private static String ended(LabProtocol p) {
    Optional<String> end = p.end();
    return end.map(w -> "sent " + w).orElse("closed its side");
  }
}
