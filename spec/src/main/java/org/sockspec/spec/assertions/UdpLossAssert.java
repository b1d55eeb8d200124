package org.sockspec.spec.assertions;

import org.assertj.core.api.AbstractAssert;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on what a burst to a stopped UDP server lost (see {@link UdpLoss}). */
public final class UdpLossAssert extends AbstractAssert<UdpLossAssert, UdpLoss> {
  UdpLossAssert(UdpLoss actual) {
    super(actual, UdpLossAssert.class);
  }

  /** Some datagrams were dropped, and the kernel's RcvbufErrors counts exactly the missing ones. */
  public UdpLossAssert lostExactlyWhatTheKernelCounted() {
    isNotNull();
    UdpLoss loss = actual;
    if (loss.droppedWhilePaused() == 0) {
      throw CausedFailure.of(new Cause.KernelCounter("Udp RcvbufErrors", 1, 0), "Expecting the burst of %d datagrams to overflow the stopped server's receive buffer but the "
          + "kernel dropped none (Udp RcvbufErrors +0; %d bytes held): nothing was lost to observe", loss.sent(),
          loss.heldWhilePaused());
    }
    if (loss.missing() != loss.droppedInAll() || loss.droppedInAll() != loss.droppedWhilePaused()) {
      throw CausedFailure.of(new Cause.LossMismatch(Protocol.UDP, loss.sent(), loss.droppedInAll(), loss.answered()),
          "Expecting the server, once resumed, to answer every datagram the kernel kept (%d sent - %d "
          + "dropped = %d) but it answered %d: %d missing, while Udp RcvbufErrors grew by %d while it was stopped "
          + "and by %d in all", loss.sent(), loss.droppedWhilePaused(), loss.sent() - loss.droppedWhilePaused(),
          loss.answered(), loss.missing(), loss.droppedWhilePaused(), loss.droppedInAll());
    }
    return this;
  }

  /** The same burst over TCP arrived whole: TCP holds the sender back instead of dropping. */
  public UdpLossAssert butTcpLostNothing() {
    isNotNull();
    if (!actual.tcp().lostNothing()) {
      throw CausedFailure.of(new Cause.LossMismatch(Protocol.TCP, actual.tcp().sent(), 0, actual.tcp().received()),
          "Expecting the same burst over TCP to arrive whole (%d bytes) but %s", actual.tcp().expected(),
          actual.tcp().describe());
    }
    return this;
  }
}
