package org.sockspec.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sockets (and responders) the kit opened, by the name the kit gave them. */
final class Handles {
  private final Map<String, Closeable> open = new LinkedHashMap<>();

  void put(String name, Closeable resource) {
    Closeable previous = open.put(name, resource);
    if (previous != null) {
      closeQuietly(previous);
    }
  }

  <T extends Closeable> T get(String name, Class<T> type) {
    Closeable resource = open.get(name);
    if (resource == null) {
      throw new ProbeException("no open handle named " + name);
    }
    if (!type.isInstance(resource)) {
      throw new ProbeException("handle " + name + " is a " + resource.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(resource);
  }

  void close(String name) {
    Closeable resource = open.remove(name);
    if (resource != null) {
      closeQuietly(resource);
    }
  }

  void closeAll() {
    open.values().forEach(Handles::closeQuietly);
    open.clear();
  }

  /**
   * Closes everything with a reset where it is a TCP connection (SO_LINGER 0): neither end is left
   * in TIME_WAIT or FIN_WAIT, so the namespace holds no socket of the spec afterwards.
   */
  void abortAll() {
    open.values().forEach(Handles::abortQuietly);
    open.clear();
  }

  static void abortQuietly(Closeable resource) {
    if (resource instanceof java.net.Socket socket) {
      try {
        socket.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // already closed: nothing is left to reset
      }
    }
    closeQuietly(resource);
  }

  static void closeQuietly(Closeable resource) {
    try {
      resource.close();
    } catch (IOException ignored) {
      // Closing is best effort: the container is removed right after anyway.
    }
  }
}
