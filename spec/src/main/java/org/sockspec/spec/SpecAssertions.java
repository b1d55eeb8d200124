package org.sockspec.spec;

import org.sockspec.bench.Connect;
import org.sockspec.bench.Reply;

/** Entry point of the catalogue's domain assertions, after AssertJ's {@code Assertions}. */
public final class SpecAssertions {
  private SpecAssertions() {}

  public static ConnectAssert assertThat(Connect connect) {
    return new ConnectAssert(connect);
  }

  public static ReplyAssert assertThat(Reply reply) {
    return new ReplyAssert(reply);
  }
}
