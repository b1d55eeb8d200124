package org.sockspec.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Poll;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.ServedLog;
import org.sockspec.scenario.Step;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** A client lab's steps about what the kit's server received, and what the client printed for it. */
final class ScenarioServed {
  private ScenarioServed() {}

  /** How many of the messages received so far the kit's server answered, or dropped as the scenario said. */
  static int count(ServedLog served, Step.Serve serving, Step.ServedShare share) {
    int received = served.messages().size();
    int dropped = (int) serving.drop().stream().filter(n -> n <= received).count();
    return share == Step.ServedShare.DROPPED ? dropped : received - dropped;
  }

  static void received(Bench bench, ServedLog served, RunningProgram program, int count, Duration window) {
    Poll.Sampled<List<ServedLog.Event>> got = bench.await(count + " messages at the kit's server",
        served::messages, messages -> messages.size() >= count || program.exitCode().isPresent(), window);
    if (got.value().size() < count && program.exitCode().isPresent()) {
      got = bench.await("the messages in flight when the client exited", served::messages, m -> m.size() >= count,
          bench.timing().atOnce());
    }
    int seen = got.value().size();
    if (seen < count) {
      throw new CausedFailure(new Cause.NoMessage(bench.target().kind().protocol(), seen, window.toMillis(),
          program.exitCode().isPresent() ? program.exitCode().getAsLong() : null),
          "Expecting the client to send the kit's server " + count + " messages within " + window.toMillis()
              + " ms, but " + (seen == 0 ? "none came" : "only " + seen + " came") + clientState(program));
    }
  }

  static void receivedText(Bench bench, ServedLog served, RunningProgram program, String text, Duration window) {
    byte[] wanted = Bytes.utf8(text);
    Poll.Sampled<List<ServedLog.Event>> got = bench.await("the message " + Bytes.describe(wanted) + " at the kit's server",
        served::messages, messages -> messages.stream().anyMatch(m -> Arrays.equals(m.data(), wanted)), window);
    if (!got.met()) {
      List<String> came = got.value().stream().map(m -> Bytes.describe(m.data())).toList();
      throw new CausedFailure(new Cause.WrongMessage(bench.target().kind().protocol(), Bytes.show(wanted),
          came.isEmpty() ? "" : String.join(", ", came)), "Expecting the kit's server to receive "
          + Bytes.describe(wanted) + " within " + window.toMillis() + " ms, but it received "
          + (came.isEmpty() ? "nothing" : String.join(", ", came)) + clientState(program));
    }
  }

  /**
   * The client printed a line for each message the server received, in order: one matching the
   * answered pattern for a message answered, the dropped pattern for one dropped. Lines matching
   * neither (a header, a summary) are left out.
   */
  static void printedForEach(Bench bench, ServedLog served, Step.Serve serving, RunningProgram program,
      Step.PrintedForEach step, Duration window) {
    bench.awaitOutput(program, "a line for each message", out -> {
      int received = served.messages().size();
      return received > 0 && fates(out, step).size() >= received;
    }, window);
    List<ServedLog.Event> messages = served.messages();
    List<String> lines = fates(program.output().text(), step);
    if (messages.isEmpty()) {
      throw new CausedFailure(new Cause.NoMessage(bench.target().kind().protocol(), 0, window.toMillis(),
          program.exitCode().isPresent() ? program.exitCode().getAsLong() : null),
          "Expecting the client to send the kit's server messages, but none came" + clientState(program));
    }
    List<String> wanted = new ArrayList<>();
    for (int i = 1; i <= messages.size(); i++) {
      boolean dropped = serving.drop().contains(i);
      String pattern = (dropped ? step.dropped() : step.answered()).pattern();
      wanted.add("message " + i + " (" + (dropped ? "dropped" : "answered") + "): /" + pattern + "/");
      String line = i <= lines.size() ? lines.get(i - 1) : null;
      if (line == null || !(dropped ? step.dropped() : step.answered()).matcher(line).find()) {
        throw new CausedFailure(new Cause.PrintedLines(String.join("\n", wanted), String.join("\n", lines)),
            "Expecting the client to print a line for each of the " + messages.size() + " messages the kit's server "
                + "received, in order: for message " + i + ", which the server " + (dropped ? "dropped" : "answered")
                + ", a line matching /" + pattern + "/, but " + (line == null ? "no line came for it within "
                    + window.toMillis() + " ms" : "its line is \"" + line + "\"") + clientState(program)
                + "\nIts output:\n" + program.output().tail(14));
      }
    }
  }

  /** The lines that say a message's fate, either one. */
  private static List<String> fates(String output, Step.PrintedForEach step) {
    return output.lines().filter(line -> step.answered().matcher(line).find() || step.dropped().matcher(line).find())
        .toList();
  }

  private static String clientState(RunningProgram program) {
    return program.exitCode().isPresent() ? " (the client exited with status " + program.exitCode().getAsLong() + ")."
        : " (the client is still running).";
  }
}
