package org.sockspec.scenario;

import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.probe.protocol.Protocol;

/** Which steps judge (can fail) and which a kind of program can be asked to do. */
final class StepRules {
  private StepRules() {}

  /** Every step judges something but the actions (a connect is judged: accepted or refused). */
  static boolean isExpectation(Step step) {
    return !(step instanceof Step.Send || step instanceof Step.Close || step instanceof Step.Serve
        || step instanceof Step.Start || step instanceof Step.Type || step instanceof Step.EndInput);
  }

  /** Why a program of {@code kind} cannot be asked for {@code step}; empty when it can. */
  static Optional<String> problemFor(Step step, Kind kind) {
    boolean server = kind.isServer();
    boolean tcp = kind.protocol() == Protocol.TCP;
    String of = "a program of kind " + kind.id();
    if (step instanceof Step.Connect) {
      return !server ? Optional.of(of + " is a client: the kit connects to servers only (use serve)")
          : !tcp ? Optional.of("UDP has no connect: a UDP client is opened by its first send") : Optional.empty();
    }
    if (step instanceof Step.ExpectClosed || step instanceof Step.ExpectServedOrReset || step instanceof Step.Close) {
      return tcpServerOnly(server, tcp, of, "a UDP socket has no connection to close");
    }
    if (step instanceof Step.SocketOf) {
      return tcpServerOnly(server, tcp, of, "UDP has no connections: ask for the listener");
    }
    if (step instanceof Step.Model) {
      return tcpServerOnly(server, tcp, of, "the model is told by who holds each client's connection, and UDP has none");
    }
    if (step instanceof Step.Send || step instanceof Step.ExpectAnswer || step instanceof Step.ExpectBytes
        || step instanceof Step.ExpectLine || step instanceof Step.ExpectMatch || step instanceof Step.ExpectNothing
        || step instanceof Step.Close || step instanceof Step.Listener) {
      return server ? Optional.empty() : Optional.of(of + " is a client: this step talks to a server under test");
    }
    if (step instanceof Step.Serve || step instanceof Step.Type || step instanceof Step.EndInput
        || step instanceof Step.Received || step instanceof Step.ReceivedText || step instanceof Step.PrintedForEach) {
      return server ? Optional.of(of + " is a server: this step is for client programs (the kit serves them)")
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> tcpServerOnly(boolean server, boolean tcp, String of, String udpReason) {
    return !server ? Optional.of(of + " is a client: this step talks to a server under test")
        : tcp ? Optional.empty() : Optional.of(udpReason);
  }
}
