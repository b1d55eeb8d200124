package org.sockspec.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.sockspec.probe.protocol.Outcome;
import org.sockspec.probe.protocol.ProbeAnswer.Closed;
import org.sockspec.probe.protocol.ProbeAnswer.Connected;
import org.sockspec.probe.protocol.ProbeAnswer.Received;
import org.sockspec.probe.protocol.ProbeAnswer.Sent;
import org.sockspec.probe.protocol.ProbeRequest.TcpAbort;
import org.sockspec.probe.protocol.ProbeRequest.TcpClose;
import org.sockspec.probe.protocol.ProbeRequest.TcpConnect;
import org.sockspec.probe.protocol.ProbeRequest.TcpRecv;
import org.sockspec.probe.protocol.ProbeRequest.TcpSend;

/**
 * TCP clients (and bare listeners) the specs drive. Every call is bounded by the timeout the kit
 * passes; the answer carries the outcome and the elapsed milliseconds, so a negative claim ("no
 * answer") always comes with the window it was observed in.
 */
final class TcpCommands {
  private static final String LOOPBACK = "127.0.0.1";
  private final Handles handles;

  TcpCommands(Handles handles) {
    this.handles = handles;
  }

  Connected connect(TcpConnect r) {
    long start = System.nanoTime();
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(LOOPBACK, r.port()), r.timeoutMs());
      handles.put(r.client(), socket);
      return new Connected(Outcome.CONNECTED, socket.getLocalPort(), Clock.msSince(start), null);
    } catch (IOException e) {
      closeQuietly(socket);
      return new Connected(Outcomes.of(e), -1, Clock.msSince(start), e.getMessage());
    }
  }

  Sent send(TcpSend r) {
    Socket socket = handles.get(r.client(), Socket.class);
    try {
      socket.getOutputStream().write(r.data());
      socket.getOutputStream().flush();
      return new Sent(Outcome.SENT, r.data().length, null);
    } catch (IOException e) {
      return new Sent(Outcomes.of(e), -1, e.getMessage());
    }
  }

  /**
   * Reads until at least MIN bytes arrived (at most MAX), the peer closed or reset, or the window
   * ended. TCP is a stream: one answer may come in pieces. With EXPECTED, it also stops as soon as
   * what came can no longer become EXPECTED (it is not a prefix of it, or is already longer):
   * outcome {@code data}, decided at once, where waiting out the window could only add bytes to a
   * wrong answer. What follows at once (the rest of the same burst, until 5 ms pass without a byte)
   * is read with it, so a wrong answer sent in two pieces is shown whole.
   */
  Received recv(TcpRecv r) {
    Socket socket = handles.get(r.client(), Socket.class);
    int max = r.max();
    int timeoutMs = r.timeoutMs();
    int min = Math.max(1, r.min());
    byte[] expected = r.expected();
    long start = System.nanoTime();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    Outcome outcome;
    String error = null;
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[Math.max(1, max)];
      outcome = Outcome.DATA;
      while (got.size() < min) {
        long left = timeoutMs - Clock.msSince(start);
        if (left <= 0) {
          outcome = Outcome.TIMEOUT;
          break;
        }
        socket.setSoTimeout((int) left);
        int n;
        try {
          n = in.read(buffer, 0, max - got.size());
        } catch (SocketTimeoutException e) {
          outcome = Outcome.TIMEOUT;
          break;
        }
        if (n < 0) {
          outcome = Outcome.EOF;
          break;
        }
        got.write(buffer, 0, n);
        if (expected != null && !isPrefixOf(got.toByteArray(), expected)) {
          outcome = readTheRestOfTheBurst(socket, in, buffer, got, max, timeoutMs - Clock.msSince(start));
          break; // a wrong answer: more bytes cannot make it right
        }
      }
    } catch (IOException e) {
      outcome = Outcomes.of(e);
      error = e.getMessage();
    }
    return new Received(outcome, got.toByteArray(), Clock.msSince(start), null, error);
  }

  /** Reads while bytes keep coming within 5 ms of each other: data, or how the stream ended. */
  private static Outcome readTheRestOfTheBurst(Socket socket, InputStream in, byte[] buffer, ByteArrayOutputStream got,
      int max, long leftMs) throws IOException {
    long start = System.nanoTime();
    while (got.size() < max && Clock.msSince(start) < Math.max(0, leftMs)) {
      socket.setSoTimeout(5);
      int n;
      try {
        n = in.read(buffer, 0, max - got.size());
      } catch (SocketTimeoutException e) {
        return Outcome.DATA;
      }
      if (n < 0) {
        return Outcome.EOF;
      }
      got.write(buffer, 0, n);
    }
    return Outcome.DATA;
  }

  /**
   * Closes, with a reset when the peer has closed first (so neither end is left in TIME_WAIT), else
   * with FIN. With WAIT_MS, waits at most that long for the peer to close first: after the lab's
   * end, the server closes as the client does, and two FINs that cross would leave a TIME_WAIT on
   * the server's port.
   */
  Closed close(TcpClose r) {
    Socket socket = handles.get(r.client(), Socket.class);
    int waitMs = r.waitMs() == null ? 0 : r.waitMs();
    long start = System.nanoTime();
    boolean peerClosed = peerHasClosed(socket);
    while (!peerClosed && Clock.msSince(start) < waitMs) {
      peerClosed = peerHasClosed(socket); // each look waits 1 ms for the FIN
    }
    if (peerClosed) {
      Handles.abortQuietly(socket);
      handles.close(r.client());
      return new Closed(true);
    }
    handles.close(r.client());
    return new Closed(false);
  }

  /**
   * Whether the peer's FIN (or a reset) has arrived: reads of 1 ms see end of stream. Unread bytes
   * are read past (the close discards them anyway), for at most 20 ms: a peer that keeps sending
   * has not closed.
   */
  private static boolean peerHasClosed(Socket socket) {
    long start = System.nanoTime();
    try {
      socket.setSoTimeout(1);
      byte[] buffer = new byte[65_536];
      while (Clock.msSince(start) < 20) {
        if (socket.getInputStream().read(buffer) < 0) {
          return true;
        }
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset, or already closed
    }
  }

  private static boolean isPrefixOf(byte[] got, byte[] expected) {
    if (got.length > expected.length) {
      return false;
    }
    for (int i = 0; i < got.length; i++) {
      if (got[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** Closes with SO_LINGER 0, so the peer sees a reset (RST), not a FIN. */
  Closed abort(TcpAbort r) throws IOException {
    Socket socket = handles.get(r.client(), Socket.class);
    socket.setSoLinger(true, 0);
    handles.close(r.client());
    return new Closed(true);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release beyond the file descriptor, which close() frees even when it throws
    }
  }
}
