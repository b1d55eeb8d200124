package org.sockspec.bench.internal;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The standard input the kit types into a program: an InputStream that docker-java copies into the
 * exec's attached connection, fed by {@link #write}. Unlike PipedInputStream it does not depend on
 * the writing thread staying alive, which JUnit's test threads do not.
 */
final class StdinFeed extends InputStream {
  private static final byte[] END = new byte[0];
  private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int position;
  private boolean ended;

  void write(byte[] bytes) {
    if (bytes.length > 0) {
      chunks.add(bytes.clone());
    }
  }

  void end() {
    chunks.add(END);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (position == current.length) {
      if (ended) {
        return -1;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      position = 0;
      if (current == END) {
        ended = true;
        return -1;
      }
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }
}
