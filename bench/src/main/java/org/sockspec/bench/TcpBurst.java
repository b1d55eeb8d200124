package org.sockspec.bench;

/**
 * What a burst over TCP to a paused reader gave (see {@link Bench#tcpBurst}): the bytes written,
 * what the kernel held for the reader while it read nothing, and what it read once it resumed.
 *
 * @param writersDone whether the writers finished while the reader was paused (false: flow control
 *     held them back until it resumed, which is TCP slowing the sender down rather than dropping)
 */
public record TcpBurst(int clients, int messages, long expected, long sent, boolean writersDone,
    long queuedWhilePaused, long received, long ms) {

  public boolean lostNothing() {
    return sent == expected && received == expected;
  }

  public String describe() {
    return clients + " connections x " + messages + " messages: " + sent + " of " + expected + " bytes written, "
        + queuedWhilePaused + " held in the paused reader's Recv-Q" + (writersDone ? "" : " (the writers were held back by flow control)")
        + ", " + received + " bytes read once it resumed";
  }
}
