package org.sockspec.spec.assertions;

import org.assertj.core.api.AbstractAssert;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on what connects met once a server's accept queue filled (see {@link AcceptQueue}). */
public final class AcceptQueueAssert extends AbstractAssert<AcceptQueueAssert, AcceptQueue> {
  AcceptQueueAssert(AcceptQueue actual) {
    super(actual, AcceptQueueAssert.class);
  }

  /**
   * Once the queue was full, a connect stayed pending, neither accepted nor refused, and the kernel
   * counted its dropped SYN (TcpExt ListenOverflows).
   */
  public AcceptQueueAssert leftAConnectPending() {
    isNotNull();
    AcceptQueue q = actual;
    if (q.acceptedBy() != null) {
      throw CausedFailure.of(new Cause.Backlog("connects wait in the accept queue", "the server accepted " + q.acceptedBy()),
          "Expecting further connects to wait in the accept queue while the server serves its first "
          + "client, until the queue is full, but the server accepted one (%s): it takes new clients while serving "
          + "one, so its queue does not fill", q.acceptedBy());
    }
    if (q.last() == null) {
      throw CausedFailure.of(new Cause.Backlog("a connect pending once the queue is full",
          "all " + q.attempts() + " connects completed"), "Expecting a connect to stay pending once the accept queue is full but all %d further connects "
          + "completed, and none was accepted: the queue holds more than %d, more than this spec tries (the handout's "
          + "listen(1) holds 2)", q.attempts(), q.attempts());
    }
    if (q.last().outcome() != Outcome.TIMEOUT) {
      throw CausedFailure.of(new Cause.Backlog("a connect pending once the queue is full",
          "connect " + (q.waiting() + 1) + " " + q.last().outcome().name().toLowerCase(java.util.Locale.ROOT)),
          "Expecting connect %d, once %d connections waited in the accept queue, to stay pending "
          + "(neither accepted nor refused) but it was %s: on Linux a full accept queue drops the SYN, it does not "
          + "refuse", q.waiting() + 1, q.waiting(), q.last().describe());
    }
    if (q.overflows().delta() < 1) {
      throw CausedFailure.of(new Cause.KernelCounter("TcpExt ListenOverflows", 1, q.overflows().delta()),
          "Expecting the kernel to count the SYN it dropped because the accept queue was full "
          + "(TcpExt ListenOverflows) while connect %d was pending, but %s", q.waiting() + 1, q.overflows().describe());
    }
    return this;
  }
}
