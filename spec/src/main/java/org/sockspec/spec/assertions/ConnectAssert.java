package org.sockspec.spec.assertions;

import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.Connect;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on a connect's outcome and timing. */
public final class ConnectAssert extends AbstractAssert<ConnectAssert, Connect> {
  ConnectAssert(Connect actual) {
    super(actual, ConnectAssert.class);
  }

  public ConnectAssert isConnected() {
    isNotNull();
    if (actual.outcome() != Outcome.CONNECTED) {
      throw CausedFailure.of(new Cause.NotConnected(who(), actual.outcome().wire(), actual.ms()),
          "Expecting %s to connect but it was %s", who(), actual.describe());
    }
    return this;
  }

  /** Refused, and within {@code atOnce}: the kernel's immediate answer, not a timeout. */
  public ConnectAssert isRefusedWithin(Duration atOnce) {
    isNotNull();
    if (actual.outcome() != Outcome.REFUSED) {
      throw CausedFailure.of(new Cause.NotRefused(who(), actual.outcome().wire(), actual.ms(), null),
          "Expecting %s to be refused but it was %s", who(), actual.describe());
    }
    if (actual.ms() > atOnce.toMillis()) {
      throw CausedFailure.of(new Cause.NotRefused(who(), "refused", actual.ms(), atOnce.toMillis()),
          "Expecting %s to be refused at once (within %d ms) but the refusal took %d ms",
          who(), atOnce.toMillis(), actual.ms());
    }
    return this;
  }

  private String who() {
    String description = info.descriptionText();
    return description == null || description.isEmpty() ? "the connect" : description;
  }
}
