package org.sockspec.spec.assertions;

import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Bytes;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.bench.Reply;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * Assertions on what came back to a kit client, when what matters is that something came (or the
 * kernel's error), not its exact bytes: those are the business of the {@code *.ack} specs (see
 * {@link ReplyAssert#isExactly}), so that a misspelt answer fails one spec per part, not all.
 *
 * <p>{@link #explainedBy} adds to a failure what the kit makes of it (where an answer that did not
 * come went, from a counter that moved; what an answer that should not have come means); it is
 * computed only on failure.
 */
public final class AnswerAssert extends AbstractAssert<AnswerAssert, Reply> {
  private Supplier<String> diagnosis = () -> "";

  AnswerAssert(Reply actual) {
    super(actual, AnswerAssert.class);
  }

  /** What to add to a failure's message: computed only on failure. */
  public AnswerAssert explainedBy(Supplier<String> whereItWent) {
    this.diagnosis = whereItWent;
    return this;
  }

  /** Some bytes came back (whatever they are). */
  public AnswerAssert isAnswered() {
    isNotNull();
    if (actual.bytes().length == 0) {
      throw CausedFailure.of(ReplyCauses.noAnswer(who("the message"), actual),
          "Expecting %s to be answered but got %s.%s", who("the message"), actual.describe(), why());
    }
    return this;
  }

  /**
   * Nothing arrived during the whole window, and the connection (if any) stayed open: a negative
   * claim, whose window the message states. Pair it with kernel evidence where there is some.
   */
  public AnswerAssert isNothing() {
    isNotNull();
    if (actual.outcome() != Outcome.TIMEOUT || actual.bytes().length > 0) {
      throw CausedFailure.of(ReplyCauses.notSilent(who("the client"), actual),
          "Expecting %s to get nothing for %d ms but got %s.%s", who("the client"),
          actual.window().toMillis(), actual.describe(), why());
    }
    return this;
  }

  /** The peer ended the connection: end of stream or a reset, within the window. */
  public AnswerAssert isClosedByPeer() {
    isNotNull();
    if (actual.outcome() != Outcome.EOF && actual.outcome() != Outcome.RESET) {
      throw CausedFailure.of(ReplyCauses.notClosed(who("the client"), actual),
          "Expecting %s to see the connection closed (end of stream or a reset) but got %s.%s",
          who("the client"), actual.describe(), why());
    }
    return this;
  }

  /** The kernel reported the connection refused (for UDP: an ICMP port unreachable came back). */
  public AnswerAssert isRefused() {
    isNotNull();
    if (actual.outcome() != Outcome.REFUSED) {
      throw CausedFailure.of(new Cause.NotRefused(who("the receive"), ReplyCauses.ended(actual), actual.ms(), null),
          "Expecting %s to report the connection refused but got %s", who("the receive"), actual.describe());
    }
    return this;
  }

  /**
   * Either an answer came (the client was served) or the connection was closed or reset by the
   * peer: anything but silence.
   */
  public AnswerAssert isServedOrReset() {
    isNotNull();
    if (actual.bytes().length == 0 && actual.outcome() != Outcome.EOF && actual.outcome() != Outcome.RESET) {
      throw CausedFailure.of(ReplyCauses.noAnswer(who("the client"), actual),
          "Expecting %s to be either served (answered) or reset but got %s: it is still waiting",
          who("the client"), actual.describe());
    }
    return this;
  }

  /** The datagram came from {@code port} (the server's own socket), when one came at all. */
  public AnswerAssert cameFromPortIfAnswered(int port) {
    isNotNull();
    if (actual.isData() && actual.fromPort() != port) {
      throw CausedFailure.of(new Cause.WrongSourcePort(who("the answer"), port, actual.fromPort()),
          "Expecting %s to come from the server's socket, port %d, but %s came from port %d: the server "
          + "answered from another socket", who("the answer"), port, Bytes.show(actual.bytes()), actual.fromPort());
    }
    return this;
  }

  private String who(String fallback) {
    String description = info.descriptionText();
    return description == null || description.isEmpty() ? fallback : description;
  }

  private String why() {
    String note = diagnosis.get();
    return note == null || note.isEmpty() ? "" : " " + note;
  }
}
