package org.sockspec.spec.assertions;

import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Bytes;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.spec.CausedFailure;

/** Assertions on one exchange of a kit client with the server under test. */
public final class ExchangeAssert extends AbstractAssert<ExchangeAssert, Exchange> {
  ExchangeAssert(Exchange actual) {
    super(actual, ExchangeAssert.class);
  }

  /**
   * The reply is exactly {@code wanted}, the lab's answer to the message ({@code rule} says which, in
   * words: "the message itself in upper case"); otherwise says what came and where the message went.
   */
  /** The first bytes of a connection are exactly the lab's greeting ({@code wanted}); the exchange's message is unused. */
  public ExchangeAssert isGreetedExactly(byte[] wanted) {
    isNotNull();
    if (actual.reply().outcome() != Outcome.DATA || !Arrays.equals(actual.reply().bytes(), wanted)) {
      throw CausedFailure.of(ReplyCauses.notExactly("client " + actual.client(), actual.reply(), wanted),
          "Expecting client %s, once connected, to be greeted with exactly %s (the lab's greeting, before any "
              + "message), but %s got %s.", actual.client(), Bytes.describe(wanted), actual.client(),
          actual.reply().describe());
    }
    return this;
  }

  public ExchangeAssert isAnsweredExactly(byte[] wanted, String rule) {
    isNotNull();
    if (actual.reply().outcome() != Outcome.DATA || !Arrays.equals(actual.reply().bytes(), wanted)) {
      String where = actual.reply().outcome() == Outcome.TIMEOUT && actual.reply().bytes().length == 0
          ? " " + actual.diagnosis().get() : "";
      throw CausedFailure.of(ReplyCauses.notExactly("client " + actual.client(), actual.reply(), wanted),
          "Expecting client %s's message %s to be answered with exactly %s (%s)%s, but %s got %s.%s",
          actual.client(), Bytes.describe(actual.message()), Bytes.describe(wanted), rule,
          actual.circumstances().isEmpty() ? "" : " " + actual.circumstances(),
          actual.client(), actual.reply().describe(), where);
    }
    return this;
  }
}
