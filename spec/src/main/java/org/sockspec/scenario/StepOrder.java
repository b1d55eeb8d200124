package org.sockspec.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sockspec.bench.Kind;
import org.sockspec.probe.protocol.Protocol;

/**
 * What a scenario's steps need of the steps before them, for a program of one kind: a TCP client
 * connected before it sends, a message sent before its answer is expected, the kit serving before
 * what it received is asked, a program started before what it prints is. A scenario that breaks one
 * is told when the lab is read, not found out while a student's program runs.
 */
final class StepOrder {
  private StepOrder() {}

  /** The first step that needs what no step before it gave, as a sentence; empty when there is none. */
  static Optional<String> problem(Scenario scenario, Kind kind) {
    boolean tcp = kind.protocol() == Protocol.TCP;
    Set<String> connected = new HashSet<>();
    Set<String> ever = new HashSet<>();
    Set<String> messageSent = new HashSet<>();
    boolean serving = false;
    for (Scenario.WrittenStep written : scenario.steps()) {
      Step step = written.step();
      Optional<String> client = clientOf(step);
      String problem = null;
      if (step instanceof Step.Connect c) {
        connected.add(c.client());
        ever.add(c.client());
        messageSent.remove(c.client());
      } else if (step instanceof Step.SocketOf s && !ever.contains(s.client())) {
        problem = "client " + s.client() + " never connected: add { connect = \"" + s.client() + "\" } before it";
      } else if (client.isPresent() && !connected.contains(client.get()) && (tcp || !(step instanceof Step.Send))) {
        problem = "client " + client.get() + (ever.contains(client.get()) ? " was closed before it"
            : " never connected: add { connect = \"" + client.get() + "\" } before it");
      } else if (step instanceof Step.ExpectAnswer e && !messageSent.contains(e.client())) {
        problem = "the answer is to client " + e.client() + "'s last message: add { client = \"" + e.client()
            + "\", send = \"...\" } (or send-size) before it";
      }
      if (needsTheProgram(step) && !scenario.startsProgram()) {
        problem = "the scenario does not start the program (starts-program = false), and this step is about it";
      }
      if (needsTheServer(step) && !serving) {
        problem = "the kit serves nothing yet: add { serve = \"" + kind.protocol().wire() + "\" } before it";
      }
      if (problem != null) {
        return Optional.of("step " + written.number() + " (" + written.written() + "): " + problem);
      }
      if (step instanceof Step.Serve) {
        serving = true;
      } else if (step instanceof Step.Send s) {
        if (s.asMessage()) {
          messageSent.add(s.client());
        } else {
          messageSent.remove(s.client());
        }
        if (!tcp) {
          ever.add(s.client());
          connected.add(s.client());
        }
      } else if (step instanceof Step.Close c) {
        connected.remove(c.client());
      }
    }
    return Optional.empty();
  }

  /**
   * The kit's client a step uses, where it must be there already: a connect makes its client, and a
   * socket-of asks the kernel about a connection that may be closed (a UDP client is opened by its
   * first send).
   */
  private static Optional<String> clientOf(Step step) {
    return step instanceof Step.ByClient c && !(step instanceof Step.Connect) && !(step instanceof Step.SocketOf)
        ? Optional.of(c.client()) : Optional.empty();
  }

  private static boolean needsTheProgram(Step step) {
    return List.of(Step.Printed.class, Step.NotPrinted.class, Step.ExpectExit.class, Step.ExpectRunning.class,
        Step.Type.class, Step.EndInput.class, Step.Start.class).contains(step.getClass());
  }

  private static boolean needsTheServer(Step step) {
    return step instanceof Step.Received || step instanceof Step.ReceivedText || step instanceof Step.PrintedForEach
        || (step instanceof Step.Printed p && p.count().share().isPresent());
  }
}
