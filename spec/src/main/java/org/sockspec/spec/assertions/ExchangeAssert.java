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

  /** The reply is exactly {@code answer}; otherwise says what came and where the message went. */
  public ExchangeAssert isAnsweredExactly(String answer) {
    isNotNull();
    byte[] wanted = Bytes.utf8(answer);
    if (actual.reply().outcome() != Outcome.DATA || !Arrays.equals(actual.reply().bytes(), wanted)) {
      String where = actual.reply().outcome() == Outcome.TIMEOUT && actual.reply().bytes().length == 0
          ? " " + actual.diagnosis().get() : "";
      throw CausedFailure.of(ReplyCauses.notExactly("client " + actual.client(), actual.reply(), wanted),
          "Expecting client %s's message %s to be answered with exactly %s%s, but %s got %s.%s",
          actual.client(), Bytes.describe(actual.message()), Bytes.describe(wanted),
          actual.circumstances().isEmpty() ? "" : " " + actual.circumstances(),
          actual.client(), actual.reply().describe(), where);
    }
    return this;
  }
}
