package org.sockspec.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sockspec.bench.EngineAddress;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Sandboxes;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Framing;
import org.sockspec.bench.Target;
import org.sockspec.bench.Targets;
import org.sockspec.bench.Timing;

/**
 * The one place a target is plugged into the catalogue: JUnit configuration parameters (set by a
 * suite's {@code @ConfigurationParameter}, the CLI's launcher, or {@code -D} on the command line).
 *
 * <ul>
 *   <li>{@code sockspec.kind}: what the program claims to be ({@code tcp}, {@code udp}, ...); required.
 *   <li>{@code sockspec.reference} (+ {@code sockspec.defect}): one of the kit's reference programs,
 *       e.g. {@code srv_tcp}; or
 *   <li>{@code sockspec.path} (+ {@code sockspec.cmd}, {@code sockspec.build}): someone's program file
 *       or folder, how to run it and how to build it (by default, as its language says: see
 *       {@link org.sockspec.bench.Language}).
 *   <li>{@code sockspec.port} (12800), {@code sockspec.timescale} (1.0), {@code sockspec.only} (spec
 *       ids, comma separated).
 *   <li>the lab's protocol (see {@link LabProtocol}), the handout's by default: {@code sockspec.answer}
 *       (a rule: "Message received", {@code echo}, {@code upper}, {@code template:T}, {@code none}...),
 *       {@code sockspec.framing} ({@code raw}, {@code line}), {@code sockspec.end} (a word, or
 *       {@code none}), {@code sockspec.end-answered} ({@code yes}, {@code no}), {@code sockspec.after-end}
 *       ({@code close}, {@code exit}), {@code sockspec.udp-buffer} (50; 0: none),
 *       {@code sockspec.greeting} (a text a TCP server sends first).
 *   <li>{@code sockspec.counted} ({@code all}): which failures fail their test: {@code all}, or as
 *       {@code sockspec check} counts them, {@code must} (MUST specs only) or {@code strict} (MUST
 *       and SHOULD); a failure that does not count is reported as an aborted test, with its message.
 *   <li>{@code sockspec.capture} ({@code on}): {@code on} captures each spec's loopback traffic for
 *       its ladder, a folder also keeps each capture there as {@code SPEC-ID.pcap}, {@code off}
 *       captures nothing.
 *   <li>{@code sockspec.sandbox} ({@code containers}): where the programs run, {@code containers} or
 *       {@code process} (see {@link Sandboxes}); without it, the system property of that name.
 *   <li>{@code sockspec.engine}: the container engine the specs run on, as {@code URL [tls=DIR]}
 *       (see {@link EngineAddress}); by default the one the environment names ({@code DOCKER_HOST}).
 *       A grader over a pool of engines sets it per student.
 * </ul>
 *
 * @param keepCaptures where each spec's capture is kept; null when it is not kept
 * @param sandbox the sandbox the specs run in
 * @param engine the engine the specs run on (containers); null for the environment's
 */
public record TargetConfig(Kind kind, Target target, Timing timing, Set<String> only, Level lowestCounted,
    boolean capture, Path keepCaptures, Sandboxes.Type sandbox, EngineAddress engine) {
  public static final String KIND = "sockspec.kind";
  public static final String REFERENCE = "sockspec.reference";
  public static final String DEFECT = "sockspec.defect";
  public static final String PATH = "sockspec.path";
  public static final String CMD = "sockspec.cmd";
  public static final String BUILD = "sockspec.build";
  public static final String PORT = "sockspec.port";
  public static final String ANSWER = "sockspec.answer";
  public static final String FRAMING = "sockspec.framing";
  public static final String END = "sockspec.end";
  public static final String END_ANSWERED = "sockspec.end-answered";
  public static final String AFTER_END = "sockspec.after-end";
  public static final String UDP_BUFFER = "sockspec.udp-buffer";
  public static final String GREETING = "sockspec.greeting";
  public static final String TIMESCALE = "sockspec.timescale";
  public static final String ONLY = "sockspec.only";
  /** The lab manifest whose scenarios a run holds (see {@code org.sockspec.scenario.LabScenarios}). */
  public static final String SCENARIOS = "sockspec.scenarios";
  /** The ids of the scenarios a run holds, comma separated, in order; by default those whose kinds hold the run's. */
  public static final String SCENARIO_IDS = "sockspec.scenario-ids";
  public static final String COUNTED = "sockspec.counted";
  public static final String CAPTURE = "sockspec.capture";
  public static final String ENGINE = "sockspec.engine";
  public static final String SANDBOX = Sandboxes.PARAMETER;

  /** Reads the configuration through {@code parameters} (a JUnit configuration-parameter lookup). */
  public static TargetConfig from(Function<String, Optional<String>> parameters) {
    Kind kind = Kind.parse(parameters.apply(KIND).orElseThrow(() -> new IllegalArgumentException(
        "no target kind: set the configuration parameter " + KIND + " (one of " + Kind.names() + ")")));
    int port = parameters.apply(PORT).map(TargetConfig::port).orElse(Target.DEFAULT_PORT);
    LabProtocol protocol = protocol(parameters);
    Optional<String> reference = parameters.apply(REFERENCE);
    Optional<String> path = parameters.apply(PATH);
    Target target;
    if (reference.isPresent()) {
      target = Targets.reference(kind, reference.get(), parameters.apply(DEFECT).orElse(null), port, protocol);
    } else if (path.isPresent()) {
      Path file = Path.of(path.get());
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("no such file or folder: " + file);
      }
      target = Targets.program(kind, file, parameters.apply(CMD).orElse(null), parameters.apply(BUILD).orElse(null),
          port, protocol);
    } else {
      throw new IllegalArgumentException("no target: set " + REFERENCE + " (a reference program) or "
          + PATH + " (a program file or folder)");
    }
    Timing timing = new Timing(parameters.apply(TIMESCALE).map(Double::parseDouble).orElse(1.0));
    Set<String> only = parameters.apply(ONLY).map(ids -> Arrays.stream(ids.split(","))
        .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
    Level lowestCounted = parameters.apply(COUNTED).map(TargetConfig::lowestCounted).orElse(Level.INFO);
    String capture = parameters.apply(CAPTURE).orElse("on").trim();
    Path keep = capture.equals("on") || capture.equals("off") ? null : Path.of(capture);
    EngineAddress engine = parameters.apply(ENGINE).map(EngineAddress::parse).orElse(null);
    Sandboxes.Type sandbox = parameters.apply(SANDBOX).map(Sandboxes.Type::parse).orElseGet(Sandboxes.Type::ofRun);
    return new TargetConfig(kind, target, timing, only, lowestCounted, !capture.equals("off"), keep, sandbox, engine);
  }

  /**
   * The lab's protocol the parameters name: the handout's, but for what they say.
   *
   * @throws IllegalArgumentException naming the parameter and its valid forms
   */
  public static LabProtocol protocol(Function<String, Optional<String>> parameters) {
    return protocol(LabProtocol.HANDOUT, parameters);
  }

  /**
   * {@code base} with what the parameters say instead (a flag over a lab manifest's protocol).
   *
   * @throws IllegalArgumentException naming the parameter and its valid forms
   */
  public static LabProtocol protocol(LabProtocol base, Function<String, Optional<String>> parameters) {
    LabProtocol protocol = base;
    try {
      protocol = protocol.withAnswer(parameters.apply(ANSWER).map(TargetConfig::answerRule).orElse(protocol.answer()));
      protocol = protocol.withFraming(parameters.apply(FRAMING).map(Framing::parse).orElse(protocol.framing()));
      protocol = protocol.withEnd(parameters.apply(END).map(LabProtocol::parseEnd).orElse(protocol.end()));
      protocol = protocol.withEndAnswered(parameters.apply(END_ANSWERED).map(TargetConfig::yesNo)
          .orElse(protocol.endAnswered()));
      Optional<String> afterEnd = parameters.apply(AFTER_END);
      if (afterEnd.isPresent()) {
        protocol = protocol.withAfterEnd(Optional.of(LabProtocol.AfterEnd.parse(afterEnd.get())));
      }
      protocol = protocol.withUdpBuffer(parameters.apply(UDP_BUFFER).map(LabProtocol::parseUdpBuffer)
          .orElse(protocol.udpBuffer()));
      Optional<String> greeting = parameters.apply(GREETING);
      return greeting.isPresent() ? protocol.withGreeting(greeting) : protocol;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the lab's protocol: " + e.getMessage(), e);
    }
  }

  /** {@code protocol} as the configuration parameters that say it (all of them, so that nothing is left to a default). */
  public static java.util.Map<String, String> parametersOf(LabProtocol protocol) {
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put(ANSWER, protocol.answer().text());
    parameters.put(FRAMING, protocol.framing().wire());
    parameters.put(END, protocol.end().orElse("none"));
    parameters.put(END_ANSWERED, protocol.endAnswered() ? "yes" : "no");
    protocol.afterEnd().ifPresent(what -> parameters.put(AFTER_END, what.wire()));
    parameters.put(UDP_BUFFER, Integer.toString(protocol.udpBuffer()));
    protocol.greeting().ifPresent(text -> parameters.put(GREETING, text));
    return parameters;
  }

  /** The names of the parameters of the lab's protocol, without the {@code sockspec.} prefix: the options and manifest keys. */
  public static final java.util.List<String> PROTOCOL_KEYS = java.util.List.of("answer", "framing", "end",
      "end-answered", "after-end", "udp-buffer", "greeting");

  private static AnswerRule answerRule(String text) {
    try {
      return AnswerRule.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ". An answer rule is one of: " + AnswerRule.FORMS, e);
    }
  }

  private static boolean yesNo(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default -> throw new IllegalArgumentException("end-answered is yes (the server answers the end word like any "
          + "message) or no (it does not), got '" + text + "'");
    };
  }

  private static Level lowestCounted(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "all" -> Level.INFO;
      case "strict" -> Level.SHOULD;
      case "must" -> Level.MUST;
      default -> throw new IllegalArgumentException(COUNTED + " must be all, strict or must, got '" + text + "'");
    };
  }

  /** Whether a failure of a spec at {@code level} fails its test (see {@code sockspec.counted}). */
  public boolean counts(Level level) {
    return level.compareTo(lowestCounted) <= 0;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("the port must be a number from 1 to 65535, got '" + text + "'");
  }

  public boolean selects(String specId) {
    return only.isEmpty() || only.contains(specId);
  }

  /** How many specs of this run open a bench: those of the catalogue for the kind, as selected. */
  public int benchesOfRun() {
    return (int) SpecIndex.all().stream().filter(spec -> spec.appliesTo(kind, target.protocol()) && selects(spec.id()))
        .count();
  }
}
