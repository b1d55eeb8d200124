package org.sockspec.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sockspec.bench.LabProtocol;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Protocol;

/**
 * Reads one step, an inline table such as {@code { client = "A", send = "hello" }}: exactly one
 * action key, and the modifiers that action takes. Anything else is an error naming the key and
 * the valid forms.
 */
final class StepParser {
  /** Where a step is, to say so in an error: the message for a key becomes "FILE:LINE: ... key 'K': message". */
  interface Spot {
    ScenarioException error(String key, String message);
  }

  /** Each action and the modifiers it takes, in the order docs/scenarios.md lists them. */
  static final Map<String, List<String>> ACTIONS = actions();

  private static Map<String, List<String>> actions() {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("connect", List.of("expect", "within"));
    a.put("send", List.of("client"));
    a.put("send-line", List.of("client"));
    a.put("send-size", List.of("client"));
    a.put("send-hex", List.of("client"));
    a.put("expect", List.of("client", "within", "for"));
    a.put("expect-text", List.of("client", "within"));
    a.put("expect-line", List.of("client", "within"));
    a.put("expect-match", List.of("client", "within"));
    a.put("close", List.of());
    a.put("reset", List.of());
    a.put("listener", List.of("within"));
    a.put("socket-of", List.of("state", "unread", "within"));
    a.put("model", List.of("within"));
    a.put("counter", List.of("at-least", "within"));
    a.put("printed", List.of("count", "within"));
    a.put("printed-text", List.of("count", "within"));
    a.put("not-printed", List.of("for"));
    a.put("serve", List.of("port", "answer", "drop", "drop-share", "seed", "delay"));
    a.put("start", List.of());
    a.put("type", List.of());
    a.put("end-input", List.of());
    a.put("expect-exit", List.of("within"));
    a.put("expect-running", List.of("for"));
    a.put("received", List.of("within"));
    a.put("received-text", List.of("within"));
    a.put("printed-for-each", List.of("answered", "dropped", "within"));
    return java.util.Collections.unmodifiableMap(a);
  }

  private static final Pattern CLIENT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,15}");
  /** Kernel counters as nstat names them: the group, then the counter (TcpAttemptFails, UdpNoPorts, TcpExtListenOverflows). */
  private static final Pattern COUNTER = Pattern.compile("(TcpExt|IpExt|Tcp|Udp|UdpLite|Ip|Icmp)([A-Z][A-Za-z0-9]*)");
  /** How many messages a {@code drop-share} decides the fate of: far more than a lab's client sends. */
  static final int SHARE_HORIZON = 1000;

  private final JsonNode table;
  private final Spot spot;

  private StepParser(JsonNode table, Spot spot) {
    this.table = table;
    this.spot = spot;
  }

  static Step parse(JsonNode table, Spot spot) {
    if (!table.isObject()) {
      throw spot.error("steps", "a step is an inline table such as { client = \"A\", send = \"hello\" }, got "
          + table.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return new StepParser(table, spot).step();
  }

  private Step step() {
    List<String> keys = new ArrayList<>();
    table.fieldNames().forEachRemaining(keys::add);
    // expect is an action of its own, and the outcome a connect expects ({ connect = "A", expect = "refused" }).
    boolean connect = keys.contains("connect");
    List<String> actions = keys.stream().filter(ACTIONS::containsKey).filter(key -> !(connect && key.equals("expect")))
        .toList();
    if (actions.isEmpty()) {
      java.util.Set<String> modifiers = new java.util.HashSet<>();
      ACTIONS.values().forEach(modifiers::addAll);
      String unknown = keys.stream().filter(key -> !modifiers.contains(key)).findFirst()
          .orElse(keys.isEmpty() ? "steps" : keys.get(0));
      String guess = closest(unknown, ACTIONS.keySet());
      throw spot.error(unknown, (modifiers.contains(unknown) || unknown.equals("steps") ? "" : "'" + unknown
          + "' is not an action" + (guess == null ? "" : " (did you mean " + guess + "?)") + "; ")
          + "a step has exactly one action, this one has none (keys: " + String.join(", ", keys) + "). The actions: "
          + String.join(", ", ACTIONS.keySet()));
    }
    if (actions.size() > 1) {
      throw spot.error(actions.get(1), "a step has exactly one action, this one has several ("
          + String.join(", ", actions) + "): write each as a step of its own");
    }
    String action = actions.get(0);
    for (String key : keys) {
      if (!key.equals(action) && !ACTIONS.get(action).contains(key)) {
        List<String> allowed = ACTIONS.get(action);
        throw spot.error(key, "'" + action + "' takes " + (allowed.isEmpty() ? "no other key" : "only "
            + String.join(", ", allowed)) + " beside it, not '" + key + "'");
      }
    }
    return switch (action) {
      case "connect" -> new Step.Connect(client(action), refused(), within());
      case "send" -> new Step.Send(clientKey(), org.sockspec.bench.Bytes.utf8(text(action)), true);
      case "send-line" -> new Step.Send(clientKey(), org.sockspec.bench.Bytes.utf8(text(action) + "\n"), false);
      case "send-size" -> new Step.Send(clientKey(), "x".repeat(number(action, 1, LabProtocol.MAX_DATAGRAM))
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII), true);
      case "send-hex" -> new Step.Send(clientKey(), hex(action), false);
      case "expect" -> expect();
      case "expect-text" -> new Step.ExpectBytes(clientKey(), org.sockspec.bench.Bytes.utf8(text(action)), within());
      case "expect-line" -> new Step.ExpectLine(clientKey(), text(action), within());
      case "expect-match" -> new Step.ExpectMatch(clientKey(), pattern(action), within());
      case "close" -> new Step.Close(client(action), false);
      case "reset" -> new Step.Close(client(action), true);
      case "listener" -> flag(action, new Step.Listener(within()));
      case "socket-of" -> new Step.SocketOf(client(action), word("state", Step.SocketState.values(),
          Step.SocketState::word), optionalNumber("unread", 0, Integer.MAX_VALUE).map(Long::valueOf), within());
      case "model" -> new Step.Model(word(action, Step.ServerModel.values(), Step.ServerModel::word), within());
      case "counter" -> counter();
      case "printed" -> new Step.Printed(pattern(action), text(action), count(), within());
      case "printed-text" -> new Step.Printed(Pattern.compile(Pattern.quote(text(action))), text(action), count(),
          within());
      case "not-printed" -> new Step.NotPrinted(pattern(action), text(action), window());
      case "serve" -> serve();
      case "start" -> flag(action, new Step.Start());
      case "type" -> new Step.Type(text(action));
      case "end-input" -> flag(action, new Step.EndInput());
      case "expect-exit" -> exit();
      case "expect-running" -> flag(action, new Step.ExpectRunning(window()));
      case "received" -> new Step.Received(number(action, 1, 10_000), within());
      case "received-text" -> new Step.ReceivedText(text(action), within());
      case "printed-for-each" -> forEach();
      default -> throw new IllegalStateException(action);
    };
  }

  private Step expect() {
    String what = text("expect");
    Duration window = table.has("for") ? window() : null;
    if (table.has("for") && !what.equals("nothing")) {
      throw spot.error("for", "'for' is the window of expect = \"nothing\"; the others wait 'within' a bound");
    }
    if (table.has("within") && what.equals("nothing")) {
      throw spot.error("within", "expect = \"nothing\" is waited out in full: give its window with 'for'");
    }
    if (table.has("within") && List.of("answer", "any-answer", "served-or-reset").contains(what)) {
      throw spot.error("within", "expect = \"" + what + "\" waits the lab's reply bound (3 s, widened by --timescale); "
          + "to wait longer, use expect-text, expect-line or expect-match with within");
    }
    return switch (what) {
      case "answer" -> new Step.ExpectAnswer(clientKey(), false);
      case "any-answer" -> new Step.ExpectAnswer(clientKey(), true);
      case "served-or-reset" -> new Step.ExpectServedOrReset(clientKey());
      case "nothing" -> new Step.ExpectNothing(clientKey(), window);
      case "closed" -> new Step.ExpectClosed(clientKey(), Step.Ending.CLOSED, within());
      case "reset" -> new Step.ExpectClosed(clientKey(), Step.Ending.RESET, within());
      case "closed-or-reset" -> new Step.ExpectClosed(clientKey(), Step.Ending.CLOSED_OR_RESET, within());
      default -> throw spot.error("expect", "'" + what + "' is not an expectation: write answer, any-answer, nothing, "
          + "closed, reset, closed-or-reset or served-or-reset (or expect-text, expect-line, expect-match for what "
          + "the answer holds)");
    };
  }

  private boolean refused() {
    if (!table.has("expect")) {
      return false;
    }
    String outcome = table.get("expect").asText();
    return switch (outcome) {
      case "accepted" -> false;
      case "refused" -> true;
      default -> throw spot.error("expect", "a connect is expected accepted or refused, not '" + outcome + "'");
    };
  }

  private Step counter() {
    String name = text("counter");
    java.util.regex.Matcher m = COUNTER.matcher(name);
    if (!m.matches()) {
      throw spot.error("counter", "'" + name + "' is not a kernel counter as nstat names it: write its group and name, "
          + "e.g. TcpAttemptFails, UdpNoPorts, UdpRcvbufErrors, TcpExtListenOverflows (nstat -az lists them)");
    }
    long atLeast = optionalNumber("at-least", 0, Integer.MAX_VALUE).orElse(1);
    return new Step.Counter(m.group(1), m.group(2), atLeast, within());
  }

  private Step.Count count() {
    if (!table.has("count")) {
      return Step.Count.ONE;
    }
    JsonNode count = table.get("count");
    if (count.isTextual()) {
      return switch (count.asText()) {
        case "answered" -> new Step.Count(0, Optional.of(Step.ServedShare.ANSWERED));
        case "dropped" -> new Step.Count(0, Optional.of(Step.ServedShare.DROPPED));
        default -> throw spot.error("count", "a count is a number, \"answered\" or \"dropped\" (as many lines as the "
            + "kit's server answered or dropped messages), not '" + count.asText() + "'");
      };
    }
    return new Step.Count(number("count", 0, 10_000), Optional.empty());
  }

  private Step serve() {
    String proto = text("serve");
    Protocol protocol = switch (proto) {
      case "tcp" -> Protocol.TCP;
      case "udp" -> Protocol.UDP;
      default -> throw spot.error("serve", "the kit serves \"tcp\" or \"udp\", not '" + proto + "'");
    };
    Integer port = table.has("port") ? number("port", 1, 65_535) : null;
    AnswerRule rule = null;
    if (table.has("answer")) {
      String written = text("answer");
      try {
        rule = AnswerRule.parse(written);
      } catch (IllegalArgumentException e) {
        throw spot.error("answer", e.getMessage());
      }
    }
    if (table.has("drop") && table.has("drop-share")) {
      throw spot.error("drop-share", "give the messages to drop either by number (drop = [3, 7]) or as a share "
          + "(drop-share = 0.3, seed = 1), not both");
    }
    List<Integer> drop = new ArrayList<>();
    if (table.has("drop")) {
      JsonNode list = table.get("drop");
      if (!list.isArray()) {
        throw spot.error("drop", "drop is a list of message numbers, 1 the first: drop = [3, 7]");
      }
      for (JsonNode n : list) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
          throw spot.error("drop", "drop is a list of message numbers from 1, got " + n);
        }
        drop.add(n.asInt());
      }
    } else if (table.has("drop-share")) {
      JsonNode share = table.get("drop-share");
      if (!share.isNumber() || share.asDouble() < 0 || share.asDouble() > 1) {
        throw spot.error("drop-share", "drop-share is a number from 0 to 1, e.g. 0.3");
      }
      if (!table.has("seed")) {
        throw spot.error("drop-share", "a share dropped needs its seed (seed = 1), so that every run drops the same messages");
      }
      SplittableRandom random = new SplittableRandom(number("seed", 0, Integer.MAX_VALUE));
      for (int i = 1; i <= SHARE_HORIZON; i++) {
        if (random.nextDouble() < share.asDouble()) {
          drop.add(i);
        }
      }
    } else if (table.has("seed")) {
      throw spot.error("seed", "seed goes with drop-share");
    }
    Duration delay = table.has("delay") ? duration("delay") : Duration.ZERO;
    return new Step.Serve(protocol, port, rule, drop, delay);
  }

  private Step exit() {
    JsonNode status = table.get("expect-exit");
    if (status.isTextual() && status.asText().equals("failure")) {
      return new Step.ExpectExit(0, true, within());
    }
    return new Step.ExpectExit(number("expect-exit", 0, 255), false, within());
  }

  private Step forEach() {
    if (!text("printed-for-each").equals("message")) {
      throw spot.error("printed-for-each", "write printed-for-each = \"message\" (a line for each message the kit's "
          + "server received)");
    }
    if (!table.has("answered") || !table.has("dropped")) {
      throw spot.error("printed-for-each", "printed-for-each needs both patterns: answered = \"...\" and dropped = \"...\"");
    }
    return new Step.PrintedForEach(pattern("answered"), pattern("dropped"), within());
  }

  /** The word of {@code words} nearest {@code written} (at most two edits away), for a "did you mean". */
  static String closest(String written, java.util.Collection<String> words) {
    String best = null;
    int bestDistance = 3;
    for (String word : words) {
      int d = distance(written, word);
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }

  private <T> T flag(String key, T step) {
    JsonNode value = table.get(key);
    if (!value.isBoolean() || !value.asBoolean()) {
      throw spot.error(key, "write " + key + " = true");
    }
    return step;
  }

  private String client(String key) {
    String name = text(key);
    if (!CLIENT.matcher(name).matches()) {
      throw spot.error(key, "a client's name is a letter then letters or digits (A, B, alice), not '" + name + "'");
    }
    return name;
  }

  private String clientKey() {
    if (!table.has("client")) {
      throw spot.error(table.fieldNames().next(), "this step needs the client it is about: client = \"A\"");
    }
    return client("client");
  }

  private String text(String key) {
    JsonNode value = table.get(key);
    if (!value.isTextual()) {
      throw spot.error(key, key + " is a text in quotes, got " + value);
    }
    return value.asText();
  }

  private int number(String key, int min, int max) {
    JsonNode value = table.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
      throw spot.error(key, key + " is a whole number from " + min + " to " + max + ", got " + value);
    }
    return value.asInt();
  }

  private Optional<Integer> optionalNumber(String key, int min, int max) {
    return table.has(key) ? Optional.of(number(key, min, max)) : Optional.empty();
  }

  private <E> E word(String key, E[] values, Function<E, String> words) {
    if (!table.has(key)) {
      throw spot.error(key, "this step needs " + key + ": one of " + join(values, words));
    }
    String written = text(key);
    for (E value : values) {
      if (words.apply(value).equals(written)) {
        return value;
      }
    }
    throw spot.error(key, "'" + written + "' is not one of " + join(values, words));
  }

  private static <E> String join(E[] values, Function<E, String> words) {
    return String.join(", ", java.util.Arrays.stream(values).map(words).toList());
  }

  private Pattern pattern(String key) {
    String written = text(key);
    try {
      return Pattern.compile(written);
    } catch (PatternSyntaxException e) {
      throw spot.error(key, "'" + written.replace("\n", "\\n").replace("\r", "\\r")
          + "' is not a regular expression (Java's syntax): " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  private byte[] hex(String key) {
    String written = text(key).replace(" ", "");
    try {
      byte[] bytes = HexFormat.of().parseHex(written);
      if (bytes.length == 0) {
        throw new IllegalArgumentException("empty");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw spot.error(key, "send-hex is bytes in hex, two digits a byte (\"48 69 0a\"), got '" + text(key) + "'");
    }
  }

  private Duration within() {
    return table.has("within") ? duration("within") : null;
  }

  private Duration window() {
    return table.has("for") ? duration("for") : null;
  }

  private Duration duration(String key) {
    String written = text(key);
    try {
      return Durations.parse(written);
    } catch (IllegalArgumentException e) {
      throw spot.error(key, e.getMessage());
    }
  }
}
