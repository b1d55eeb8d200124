package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.Kind;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/** The decision procedure alone, over a made-up catalogue and made-up results. */
class IdentificationTest {
  private static final List<String> ALL = Identification.CLUES.stream().map(Identification.Clue::specId).toList();
  private final List<String> ran = new ArrayList<>();

  /** A program that passes exactly {@code passing}, identified with a catalogue of {@code present}. */
  private Identification.Finding identify(List<String> present, Set<String> passing) {
    Function<String, Optional<SpecInfo>> catalogue = id -> present.contains(id)
        ? Optional.of(new SpecInfo(id, Level.MUST, "", List.of(Kind.values()), id, "", Object.class, id))
        : Optional.empty();
    return Identification.identify(catalogue, (spec, as) -> {
      ran.add(spec.id());
      Status status = passing.contains(spec.id()) ? Status.PASSED : Status.FAILED;
      return new SpecResult(spec.id(), Level.MUST, "", "", "", status, "",
          status == Status.FAILED ? new Cause.ProcessModel("a process per client", "one process for all") : null,
          Map.of(), 1);
    });
  }

  @Test
  void singleThreadedTcpServer() {
    Identification.Finding verdict = identify(ALL, Set.of("tcp.ack", "tcp.second-client-waits"));
    assertThat(verdict.kind()).contains(Kind.TCP);
    assertThat(ran).containsExactly("tcp.ack", "tcp.second-client-waits");
  }

  @Test
  void udpServerIsNotTakenForOneUntilUdpAckPasses() {
    Identification.Finding verdict = identify(ALL, Set.of("udp.ack"));
    assertThat(verdict.kind()).contains(Kind.UDP);
    assertThat(ran).containsExactly("tcp.ack", "udp.ack");
  }

  @Test
  void forkServer() {
    Identification.Finding verdict = identify(ALL, Set.of("tcp.ack", "mtcp.concurrent", "mtcp.fork.process-per-client"));
    assertThat(verdict.kind()).contains(Kind.TCP_FORK);
    assertThat(ran).containsExactly("tcp.ack", "tcp.second-client-waits", "mtcp.fork.process-per-client");
  }

  @Test
  void selectServer() {
    assertThat(identify(ALL, Set.of("tcp.ack", "mtcp.select.single-process")).kind()).contains(Kind.TCP_SELECT);
  }

  @Test
  void threadsServerByElimination() {
    assertThat(identify(ALL, Set.of("tcp.ack", "mtcp.threads.single-process")).kind()).contains(Kind.TCP_THREADS);
  }

  @Test
  void aProgramThatServesNothingIsNoKind() {
    Identification.Finding verdict = identify(ALL, Set.of());
    assertThat(verdict.kind()).isEmpty();
    assertThat(verdict.candidates()).isEmpty();
    assertThat(IdentifyCommand.sentence(verdict, org.sockspec.cli.report.Style.PLAIN)).contains("none of the server kinds");
  }

  @Test
  void missingSpecsLeaveTheAnswerOpenNeverGuessed() {
    Identification.Finding verdict = identify(List.of("tcp.ack"), Set.of("tcp.ack"));
    assertThat(verdict.kind()).isEmpty();
    assertThat(verdict.candidates()).containsExactlyInAnyOrder(Kind.TCP, Kind.TCP_FORK, Kind.TCP_SELECT, Kind.TCP_THREADS);
    assertThat(verdict.missing()).contains("tcp.second-client-waits", "mtcp.concurrent");
    assertThat(IdentifyCommand.sentence(verdict, org.sockspec.cli.report.Style.PLAIN))
        .contains("cannot tell them apart yet").contains("tcp.second-client-waits");
  }

  @Test
  void withoutUdpAckAFailedTcpAckIsNotCalledUdp() {
    assertThat(identify(List.of("tcp.ack"), Set.of()).kind()).isEmpty();
  }

  @Test
  void singleThreadedFoundFromConcurrencyWhenItsOwnSpecIsMissing() {
    List<String> present = ALL.stream().filter(id -> !id.equals("tcp.second-client-waits")).toList();
    assertThat(identify(present, Set.of("tcp.ack")).kind()).contains(Kind.TCP);
  }
}
