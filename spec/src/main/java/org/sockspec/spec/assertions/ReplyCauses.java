package org.sockspec.spec.assertions;

import org.sockspec.bench.Bytes;
import org.sockspec.bench.Reply;
import org.sockspec.spec.Cause;

/** The cause of an assertion on a {@link Reply} that did not hold, from what the receive got. */
final class ReplyCauses {
  private ReplyCauses() {}

  /** An exact answer was due: bytes that are not it are a wrong answer, no bytes no answer. */
  static Cause notExactly(String who, Reply reply, byte[] expected) {
    return reply.bytes().length == 0 ? noAnswer(who, reply)
        : new Cause.WrongAnswer(who, Bytes.show(expected), Bytes.show(reply.bytes()), reply.bytes().length);
  }

  static Cause.NoAnswer noAnswer(String who, Reply reply) {
    return new Cause.NoAnswer(who, reply.window().toMillis(), ended(reply), received(reply));
  }

  static Cause.NotSilent notSilent(String who, Reply reply) {
    return new Cause.NotSilent(who, reply.window().toMillis(), ended(reply), received(reply));
  }

  static Cause.NotClosed notClosed(String who, Reply reply) {
    return new Cause.NotClosed(who, reply.bytes().length > 0 ? "data " + Bytes.show(reply.bytes()) : ended(reply));
  }

  /** How the receive ended: data, timeout, eof, reset, refused. */
  static String ended(Reply reply) {
    return reply.outcome().wire();
  }

  private static String received(Reply reply) {
    return reply.bytes().length == 0 ? null : Bytes.show(reply.bytes());
  }
}
