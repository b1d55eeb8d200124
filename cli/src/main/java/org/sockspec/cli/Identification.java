package org.sockspec.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sockspec.bench.Kind;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.SpecInfo;

/**
 * Which kind of server a program behaves as, decided by elimination over the results of the
 * catalogue's discriminating specs. It starts from every server kind; each clue is a spec whose
 * pass leaves some kinds and whose failure leaves others. A clue runs only when its result would
 * narrow the candidates still open, or would confirm the last one (a kind is confirmed when a spec
 * that passed allows it: a program that is not a TCP server is not a UDP one until udp.ack says
 * so). So a TCP server is never waited on as a UDP one, and a clue whose spec is not in the
 * catalogue is skipped: the answer is then less precise, never a guess.
 */
final class Identification {
  private static final Set<Kind> SERVERS = Collections.unmodifiableSet(
      EnumSet.of(Kind.TCP, Kind.UDP, Kind.TCP_FORK, Kind.TCP_SELECT, Kind.TCP_THREADS));
  private static final Set<Kind> TCP_SERVERS = Collections.unmodifiableSet(
      EnumSet.of(Kind.TCP, Kind.TCP_FORK, Kind.TCP_SELECT, Kind.TCP_THREADS));
  private static final Set<Kind> MULTI_CLIENT = Collections.unmodifiableSet(
      EnumSet.of(Kind.TCP_FORK, Kind.TCP_SELECT, Kind.TCP_THREADS));

  /**
   * A discriminating spec, run as {@code runAs} (when it applies to it; else as its first kind).
   * Its pass leaves {@code ifPassed} of the candidates, its failure {@code ifFailed}.
   */
  record Clue(String specId, Kind runAs, Set<Kind> ifPassed, String passedMeans, Set<Kind> ifFailed,
      String failedMeans) {}

  /** In the order they are tried: the protocol, then one client or several, then how. */
  static final List<Clue> CLUES = List.of(
      new Clue("tcp.ack", Kind.TCP, TCP_SERVERS, "it answers as a TCP server",
          EnumSet.of(Kind.UDP), "it does not answer as a TCP server"),
      new Clue("udp.ack", Kind.UDP, EnumSet.of(Kind.UDP), "it answers as a UDP server",
          TCP_SERVERS, "it does not answer as a UDP server"),
      new Clue("tcp.second-client-waits", Kind.TCP, EnumSet.of(Kind.TCP),
          "a second client waits while the first is served: one client at a time (single-threaded)",
          MULTI_CLIENT, "a second client is served while the first is connected: a multi-client server"),
      new Clue("mtcp.concurrent", Kind.TCP_SELECT, MULTI_CLIENT, "it serves several clients at once",
          EnumSet.of(Kind.TCP), "it does not serve several clients at once"),
      new Clue("mtcp.fork.process-per-client", Kind.TCP_FORK, EnumSet.of(Kind.TCP_FORK),
          "each client is served by a process of its own (fork style)",
          except(Kind.TCP_FORK), "clients are not served by a process each"),
      new Clue("mtcp.select.single-process", Kind.TCP_SELECT, EnumSet.of(Kind.TCP_SELECT),
          "one process serves every client, waiting on all sockets (select style)",
          except(Kind.TCP_SELECT), "it does not behave as a single-process select server"),
      new Clue("mtcp.threads.single-process", Kind.TCP_THREADS, EnumSet.of(Kind.TCP_THREADS),
          "one process serves every client with a thread each (threads style)",
          except(Kind.TCP_THREADS), "it does not behave as a thread-per-client server"));

  /** Runs one spec against the program, as one kind. */
  interface StepRunner {
    SpecResult run(SpecInfo spec, Kind as);
  }

  /** One clue tried: the spec's result and what it means for the program. */
  record Step(Clue clue, Kind ranAs, SpecResult result, String meaning) {}

  /**
   * The outcome: the kinds still possible, the steps that got there, and the clues whose specs
   * the catalogue does not have (yet).
   */
  record Finding(Set<Kind> candidates, Set<Kind> confirmed, List<Step> steps, List<String> missing) {
    /** The kind, when exactly one is left and a passing spec allows it. */
    Optional<Kind> kind() {
      return candidates.size() == 1 && confirmed.containsAll(candidates)
          ? Optional.of(candidates.iterator().next()) : Optional.empty();
    }

    /** Whether a kit error left the answer open (then it says nothing about the program). */
    boolean undecidedByError() {
      return kind().isEmpty() && steps.stream().anyMatch(s -> s.result().status() == Status.ERROR);
    }
  }

  private Identification() {}

  static Finding identify(Function<String, Optional<SpecInfo>> catalogue, StepRunner runner) {
    Set<Kind> candidates = EnumSet.copyOf(SERVERS);
    Set<Kind> confirmed = EnumSet.noneOf(Kind.class);
    List<Step> steps = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Clue clue : CLUES) {
      if (candidates.isEmpty() || (candidates.size() == 1 && confirmed.containsAll(candidates))) {
        break;
      }
      if (!splits(clue, candidates) && !confirms(clue, candidates, confirmed)) {
        continue;
      }
      Optional<SpecInfo> spec = catalogue.apply(clue.specId());
      if (spec.isEmpty() || spec.get().kinds().isEmpty()) {
        missing.add(clue.specId());
        continue;
      }
      Kind as = spec.get().appliesTo(clue.runAs()) ? clue.runAs() : spec.get().kinds().get(0);
      SpecResult result = runner.run(spec.get(), as);
      String meaning;
      switch (result.status()) {
        case PASSED -> {
          candidates.retainAll(clue.ifPassed());
          confirmed.addAll(clue.ifPassed());
          meaning = clue.passedMeans();
        }
        case FAILED -> {
          candidates.retainAll(clue.ifFailed());
          meaning = clue.failedMeans();
        }
        default -> meaning = "no answer from this spec (" + result.status().label() + ")";
      }
      steps.add(new Step(clue, as, result, meaning));
    }
    return new Finding(Collections.unmodifiableSet(candidates), Collections.unmodifiableSet(confirmed),
        List.copyOf(steps), List.copyOf(missing));
  }

  /** Whether the clue's result, either way, would rule out some of the candidates. */
  private static boolean splits(Clue clue, Set<Kind> candidates) {
    return candidates.stream().anyMatch(clue.ifPassed()::contains)
        && candidates.stream().anyMatch(clue.ifFailed()::contains);
  }

  /** Whether the clue's pass would confirm the one candidate left, which no pass allowed yet. */
  private static boolean confirms(Clue clue, Set<Kind> candidates, Set<Kind> confirmed) {
    return candidates.size() == 1 && !confirmed.containsAll(candidates) && clue.ifPassed().containsAll(candidates);
  }

  private static Set<Kind> except(Kind kind) {
    Set<Kind> all = EnumSet.copyOf(SERVERS);
    all.remove(kind);
    return all;
  }

  /** A phrase for a kind, for the verdict sentence. */
  static String describe(Kind kind) {
    return switch (kind) {
      case TCP -> "a single-threaded TCP server (srv_tcp.py): one client at a time";
      case UDP -> "a UDP server (srv_udp.py)";
      case TCP_FORK -> "a multi-client TCP server, fork style: a process per client (srv_tcp_fork.py)";
      case TCP_SELECT -> "a multi-client TCP server, select style: one process waiting on every socket "
          + "(srv_tcp_select.py)";
      case TCP_THREADS -> "a multi-client TCP server, threads style: one process, a thread per client";
      case CLIENT_TCP, CLIENT_UDP -> "a client";
    };
  }
}
