package org.sockspec.spec.assertions;

import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Bytes;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.bench.Reply;
import org.sockspec.spec.CausedFailure;

/** Assertions on what a bounded receive got; messages say what was expected and what came. */
public final class ReplyAssert extends AbstractAssert<ReplyAssert, Reply> {
  ReplyAssert(Reply actual) {
    super(actual, ReplyAssert.class);
  }

  /** The reply is exactly {@code expected}: no byte more, no byte less. */
  public ReplyAssert isExactly(String expected) {
    isNotNull();
    byte[] wanted = Bytes.utf8(expected);
    if (actual.outcome() != Outcome.DATA || !Arrays.equals(actual.bytes(), wanted)) {
      throw CausedFailure.of(ReplyCauses.notExactly(describedOr("the server"), actual, wanted),
          "Expecting %s to answer exactly %s but got %s", describedOr("the server"),
          Bytes.describe(wanted), actual.describe());
    }
    return this;
  }

  /** Nothing arrived during the whole window (and the connection stayed open). */
  public ReplyAssert isNothing() {
    isNotNull();
    if (actual.outcome() != Outcome.TIMEOUT || actual.bytes().length > 0) {
      throw CausedFailure.of(ReplyCauses.notSilent(describedOr("the client"), actual),
          "Expecting %s to receive nothing for %d ms but got %s", describedOr("the client"),
          actual.window().toMillis(), actual.describe());
    }
    return this;
  }

  /** The peer ended the connection: end of stream or a reset, within the window. */
  public ReplyAssert isClosedByPeer() {
    isNotNull();
    if (actual.outcome() != Outcome.EOF && actual.outcome() != Outcome.RESET) {
      throw CausedFailure.of(ReplyCauses.notClosed(describedOr("the client"), actual),
          "Expecting %s to see the connection closed (end of stream or reset) but got %s",
          describedOr("the client"), actual.describe());
    }
    return this;
  }

  private String describedOr(String fallback) {
    String description = info.descriptionText();
    return description == null || description.isEmpty() ? fallback : description;
  }
}
