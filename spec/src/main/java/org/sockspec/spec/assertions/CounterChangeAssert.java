package org.sockspec.spec.assertions;

import org.assertj.core.api.AbstractAssert;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on how a kernel counter moved (see {@link CounterChange}). */
public final class CounterChangeAssert extends AbstractAssert<CounterChangeAssert, CounterChange> {
  CounterChangeAssert(CounterChange actual) {
    super(actual, CounterChangeAssert.class);
  }

  /** Grew by exactly {@code count}; {@code meaning} says what the counter counts, for the student. */
  public CounterChangeAssert grewBy(long count, String meaning) {
    isNotNull();
    if (actual.delta() != count) {
      throw CausedFailure.of(new Cause.KernelCounter(actual.group() + " " + actual.name(), count, actual.delta()),
          "Expecting the namespace's %s %s counter (%s) to grow by %d %s but it grew by %d (%d -> %d)",
          actual.group(), actual.name(), meaning, count, actual.during(), actual.delta(), actual.before(), actual.after());
    }
    return this;
  }
}
