package org.sockspec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sockspec.bench.LabProtocol;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Option;

/**
 * The lab's protocol as flags ({@code --answer}, {@code --framing}, {@code --end}, ...): each one
 * given says what the lab does instead of the handout (or of the lab manifest, which the flags
 * override). docs/cli.md says what each means, with examples.
 */
final class ProtocolOptions {
  @Option(names = "--answer", paramLabel = "RULE", description = "What the server answers each message with: "
      + "constant:TEXT (a bare TEXT too), echo, upper, lower, template:T ({msg} in T is the message), or none "
      + "(it never answers). Default: \"Message received\", the handout's.")
  String answer;

  @Option(names = "--framing", paramLabel = "raw|line", description = "raw (default): a message is one send; "
      + "line: each message and each answer is a line ending in \\n.")
  String framing;

  @Option(names = "--end", paramLabel = "WORD|none", description = "The message that ends a conversation "
      + "(default: end); none: only the client closing ends it.")
  String end;

  @Option(names = "--end-answered", paramLabel = "yes|no", description = "Whether the server answers the end "
      + "word like any message (default: yes).")
  String endAnswered;

  @Option(names = "--after-end", paramLabel = "close|exit", description = "What a server does once a "
      + "conversation ended: close the connection and go on serving (TCP's default), or exit (UDP's default).")
  String afterEnd;

  @Option(names = "--udp-buffer", paramLabel = "N", description = "The UDP server's receive size, 1 to 65507 "
      + "(default: 50): a longer datagram is cut to N bytes; 0: the lab has no truncation behaviour.")
  String udpBuffer;

  @Option(names = "--greeting", paramLabel = "TEXT", description = "What a TCP server sends a client as soon as "
      + "it accepts it, before any message (default: nothing).")
  String greeting;

  /** Whether any flag of the protocol was given. */
  boolean anyGiven() {
    return !given().isEmpty();
  }

  /**
   * {@code base} (the handout's, or a lab manifest's) with the flags given instead.
   *
   * @throws IllegalArgumentException naming the flag, what was given and the valid forms
   */
  LabProtocol over(LabProtocol base) {
    LabProtocol protocol = base;
    for (Map.Entry<String, String> flag : given().entrySet()) {
      Map<String, String> one = Map.of("sockspec." + flag.getKey(), flag.getValue());
      try {
        protocol = TargetConfig.protocol(protocol, key -> Optional.ofNullable(one.get(key)));
      } catch (IllegalArgumentException e) {
        String why = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getMessage();
        throw new IllegalArgumentException("--" + flag.getKey() + " \"" + flag.getValue() + "\": " + why, e);
      }
    }
    return protocol;
  }

  /** The flags given, by the key they share with the lab manifest ({@code answer}, {@code udp-buffer}, ...). */
  private Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "answer", answer);
    put(given, "framing", framing);
    put(given, "end", end);
    put(given, "end-answered", endAnswered);
    put(given, "after-end", afterEnd);
    put(given, "udp-buffer", udpBuffer);
    put(given, "greeting", greeting);
    return given;
  }

  private static void put(Map<String, String> given, String key, String value) {
    if (value != null) {
      given.put(key, value);
    }
  }
}
