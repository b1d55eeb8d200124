package org.sockspec.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

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

  /** {@code tcp.connect H PORT TIMEOUT_MS}. */
  Json connect(Request r) {
    String name = r.text(0);
    long start = System.nanoTime();
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(LOOPBACK, r.integer(1)), r.integer(2));
      handles.put(name, socket);
      return Json.object().put("outcome", "connected").put("localPort", socket.getLocalPort())
          .put("ms", Clock.msSince(start));
    } catch (IOException e) {
      closeQuietly(socket);
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage())
          .put("ms", Clock.msSince(start));
    }
  }

  /** {@code tcp.send H BASE64}. */
  Json send(Request r) {
    Socket socket = handles.get(r.text(0), Socket.class);
    byte[] bytes = r.bytes(1);
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return Json.object().put("outcome", "sent").put("sent", bytes.length);
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage());
    }
  }

  /**
   * {@code tcp.recv H MAX TIMEOUT_MS MIN [EXPECTED_BASE64]}: reads until at least MIN bytes arrived
   * (at most MAX), the peer closed or reset, or the window ended. TCP is a stream: one answer may
   * come in pieces. With EXPECTED, it also stops as soon as what came can no longer become EXPECTED
   * (it is not a prefix of it, or is already longer): outcome {@code data}, decided at once, where
   * waiting out the window could only add bytes to a wrong answer. What follows at once (the rest
   * of the same burst, until 5 ms pass without a byte) is read with it, so a wrong answer sent in
   * two pieces is shown whole.
   */
  Json recv(Request r) {
    Socket socket = handles.get(r.text(0), Socket.class);
    int max = r.integer(1);
    int timeoutMs = r.integer(2);
    int min = r.integer(3, 1);
    byte[] expected = r.args().size() > 4 ? r.bytes(4) : null;
    long start = System.nanoTime();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    String outcome;
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[Math.max(1, max)];
      outcome = "data";
      while (got.size() < min) {
        long left = timeoutMs - Clock.msSince(start);
        if (left <= 0) {
          outcome = "timeout";
          break;
        }
        socket.setSoTimeout((int) left);
        int n;
        try {
          n = in.read(buffer, 0, max - got.size());
        } catch (SocketTimeoutException e) {
          outcome = "timeout";
          break;
        }
        if (n < 0) {
          outcome = "eof";
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
    }
    return Json.object().put("outcome", outcome).putBytes("data", got.toByteArray())
        .put("ms", Clock.msSince(start));
  }

  /** Reads while bytes keep coming within 5 ms of each other: "data", or how the stream ended. */
  private static String readTheRestOfTheBurst(Socket socket, InputStream in, byte[] buffer, ByteArrayOutputStream got,
      int max, long leftMs) throws IOException {
    long start = System.nanoTime();
    while (got.size() < max && Clock.msSince(start) < Math.max(0, leftMs)) {
      socket.setSoTimeout(5);
      int n;
      try {
        n = in.read(buffer, 0, max - got.size());
      } catch (SocketTimeoutException e) {
        return "data";
      }
      if (n < 0) {
        return "eof";
      }
      got.write(buffer, 0, n);
    }
    return "data";
  }

  /**
   * {@code tcp.close H}: an orderly close (FIN), or a reset when the peer has closed already. The
   * side that sends the first FIN ends in TIME_WAIT: after a server closed first, answering its FIN
   * with ours would leave TIME_WAIT on the server's own port, where the next server must bind.
   */
  /**
   * {@code tcp.close NAME [WAIT_MS]}: closes, with a reset when the peer has closed first (so neither
   * end is left in TIME_WAIT), else with FIN. With WAIT_MS, waits at most that long for the peer to
   * close first: after the lab's end, the server closes as the client does, and two FINs that cross
   * would leave a TIME_WAIT on the server's port.
   */
  Json close(Request r) {
    Socket socket = handles.get(r.text(0), Socket.class);
    int waitMs = r.integer(1, 0);
    long start = System.nanoTime();
    boolean peerClosed = peerHasClosed(socket);
    while (!peerClosed && Clock.msSince(start) < waitMs) {
      peerClosed = peerHasClosed(socket); // each look waits 1 ms for the FIN
    }
    if (peerClosed) {
      Handles.abortQuietly(socket);
      handles.close(r.text(0));
      return Json.object().put("outcome", "closed").put("reset", true);
    }
    handles.close(r.text(0));
    return Json.object().put("outcome", "closed");
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

  /** {@code tcp.abort H}: close with SO_LINGER 0, so the peer sees a reset (RST), not a FIN. */
  Json abort(Request r) {
    Socket socket = handles.get(r.text(0), Socket.class);
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      return Json.object().put("outcome", "error").put("error", e.getMessage());
    }
    handles.close(r.text(0));
    return Json.object().put("outcome", "reset");
  }

  /** {@code tcp.listen H PORT BACKLOG}: a listener of the probe's own (for client specs). */
  Json listen(Request r) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(r.integer(1)), r.integer(2, 50));
      handles.put(r.text(0), server);
      return Json.object().put("outcome", "listening").put("port", server.getLocalPort());
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage());
    }
  }

  /** {@code tcp.accept LISTENER H TIMEOUT_MS}. */
  Json accept(Request r) {
    ServerSocket server = handles.get(r.text(0), ServerSocket.class);
    long start = System.nanoTime();
    try {
      server.setSoTimeout(r.integer(2));
      Socket socket = server.accept();
      socket.setTcpNoDelay(true);
      handles.put(r.text(1), socket);
      return Json.object().put("outcome", "accepted").put("remotePort", socket.getPort())
          .put("ms", Clock.msSince(start));
    } catch (IOException e) {
      return Json.object().put("outcome", Outcomes.of(e)).put("error", e.getMessage())
          .put("ms", Clock.msSince(start));
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release beyond the file descriptor, which close() frees even when it throws
    }
  }
}
