package org.sockspec.spec.assertions;

import org.assertj.core.api.AbstractAssert;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on what {@code sendto} returned (see {@link Sendto}). */
public final class SendtoAssert extends AbstractAssert<SendtoAssert, Sendto> {
  SendtoAssert(Sendto actual) {
    super(actual, SendtoAssert.class);
  }

  /** Returned the datagram's full length and raised nothing: UDP sends without asking anyone. */
  public SendtoAssert returnedTheFullCount() {
    isNotNull();
    if (actual.returned() != actual.length()) {
      throw CausedFailure.of(new Cause.SendFailed(actual.client(), actual.length(), actual.returned()),
          "Expecting client %s's sendto of %d bytes %s to return %d and raise nothing but it %s",
          actual.client(), actual.length(), actual.circumstances(), actual.length(),
          actual.returned() < 0 ? "failed (see the transcript)" : "returned " + actual.returned());
    }
    return this;
  }
}
