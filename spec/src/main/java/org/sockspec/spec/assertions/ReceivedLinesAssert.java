package org.sockspec.spec.assertions;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.ReceivedLines;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on what a server printed it received (see {@link ReceivedLines}). */
public final class ReceivedLinesAssert extends AbstractAssert<ReceivedLinesAssert, ReceivedLines> {
  ReceivedLinesAssert(ReceivedLines actual) {
    super(actual, ReceivedLinesAssert.class);
  }

  /**
   * The server printed exactly these messages, in this order, and nothing else: each one is
   * described by {@code meanings} (same index) in the message when it differs.
   */
  public ReceivedLinesAssert printedExactly(List<byte[]> expected, List<String> meanings) {
    isNotNull();
    List<byte[]> got = actual.messages();
    if (got.isEmpty()) {
      throw CausedFailure.of(new Cause.PrintedLines(shown(expected), "none"), "Expecting the server to print a line \"Received b'...' from client socket ...\" for each "
          + "datagram (the lab's servers print what they received: it is how this spec sees it) but it printed none");
    }
    for (int i = 0; i < expected.size(); i++) {
      if (i >= got.size()) {
        throw CausedFailure.of(new Cause.PrintedLines(shown(expected), shown(got)),
            "Expecting the server to receive %s %s but it printed no line for it; it printed that it "
            + "received:\n%s", meanings.get(i), Bytes.describe(expected.get(i)), actual.describe());
      }
      if (!Arrays.equals(got.get(i), expected.get(i))) {
        throw CausedFailure.of(new Cause.PrintedLines(shown(expected), shown(got)),
            "Expecting the server to receive %s %s but it printed that it received %s; all it printed "
            + "that it received:\n%s", meanings.get(i), Bytes.describe(expected.get(i)), Bytes.describe(got.get(i)),
            actual.describe());
      }
    }
    if (got.size() > expected.size()) {
      throw CausedFailure.of(new Cause.PrintedLines(shown(expected), shown(got)),
          "Expecting the server to receive nothing more than %d messages but it printed %d; all it "
          + "printed that it received:\n%s", expected.size(), got.size(), actual.describe());
    }
    return this;
  }

  /** The messages as Python prints bytes, comma separated. */
  private static String shown(List<byte[]> messages) {
    return String.join(", ", messages.stream().map(Bytes::show).toList());
  }
}
