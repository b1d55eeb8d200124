package org.sockspec.bench.internal;

import com.github.dockerjava.core.DockerClientConfig;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.sockspec.bench.KitException;

/**
 * The attached standard streams of an exec ({@code POST /exec/ID/start}, upgraded to a raw stream),
 * on a connection of their own to the engine.
 *
 * <p>Why not docker-java's: its transport copies stdin into the connection and, at the stream's
 * end, stops without closing its write side, so the engine never closes the process's stdin: a
 * program that reads until end of input (a client whose lab ends a conversation by closing, the
 * user's Ctrl-D) would wait for ever. Here the end of input half-closes the connection, which the
 * engine passes on as end of file, as {@code docker exec -i} does.
 *
 * <p>The output is the engine's multiplexed stream (no TTY): frames of an 8-byte header (the
 * stream, 3 zero bytes, the length, big-endian) and that many bytes, stdout and stderr alike.
 */
final class ExecStreams implements Closeable {
  private static final Duration CONNECT_BOUND = Duration.ofSeconds(10);
  private static final int MAX_HEADER = 16 * 1024;

  private final Connection connection;
  private volatile boolean closed;

  private ExecStreams(Connection connection) {
    this.connection = connection;
  }

  /**
   * Starts exec {@code execId} on the engine {@code config} names, attached: its output frames go to
   * {@code output} on a thread of their own, and {@code onClosed} runs once they end.
   *
   * @throws KitException when the engine cannot be reached or refuses the start
   */
  static ExecStreams start(DockerClientConfig config, String execId, Consumer<byte[]> output, Runnable onClosed) {
    Connection connection;
    try {
      connection = Connection.open(config);
    } catch (IOException e) {
      throw new KitException("cannot connect to the engine " + config.getDockerHost() + " to start a program: "
          + e.getMessage(), e);
    }
    ExecStreams streams = new ExecStreams(connection);
    try {
      byte[] body = "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.US_ASCII);
      String request = "POST /exec/" + execId + "/start HTTP/1.1\r\n"
          + "Host: docker\r\n"
          + "Content-Type: application/json\r\n"
          + "Connection: Upgrade\r\n"
          + "Upgrade: tcp\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      OutputStream out = connection.out();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      readResponseHead(connection.in(), execId);
    } catch (IOException e) {
      streams.close();
      throw new KitException("the engine did not start the program (exec " + execId.substring(0, 12) + "): "
          + e.getMessage(), e);
    }
    Thread reader = new Thread(() -> streams.pump(output, onClosed), "sockspec-exec-" + execId.substring(0, 12));
    reader.setDaemon(true);
    reader.start();
    return streams;
  }

  /** Reads the answer's status line and headers: 101 (upgraded) or 200 (the stream follows either way). */
  private static void readResponseHead(InputStream in, String execId) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the engine closed the connection before it answered");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
      if (head.size() > MAX_HEADER) {
        throw new IOException("the engine's answer has no end of headers");
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String status = text.substring(0, text.indexOf('\r'));
    if (!status.matches("HTTP/1\\.[01] (101|200)( .*)?")) {
      throw new IOException("the engine answered " + status.trim() + " to the start of exec " + execId);
    }
  }

  private void pump(Consumer<byte[]> output, Runnable onClosed) {
    DataInputStream in = new DataInputStream(connection.in());
    byte[] header = new byte[8];
    try {
      while (true) {
        try {
          in.readFully(header);
        } catch (EOFException end) {
          return;
        }
        int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
            | (header[7] & 0xff);
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (header[0] == 1 || header[0] == 2) {
          output.accept(payload);
        }
      }
    } catch (IOException e) {
      // closed by the kit, or the engine went away: the output ends here either way
    } finally {
      onClosed.run();
    }
  }

  /** Types {@code bytes} into the program's standard input. */
  void write(byte[] bytes) {
    try {
      OutputStream out = connection.out();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // the program's input is gone (it exited, or the stream was closed): what it does shows that
    }
  }

  /** Ends the program's standard input: the engine closes it once the connection's write side is. */
  void endInput() {
    try {
      connection.halfClose();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        connection.close();
      } catch (IOException e) {
        // dropped either way
      }
    }
  }

  /** A connection to the engine: a Unix socket, TCP, or TCP with TLS. */
  private interface Connection extends Closeable {
    InputStream in();

    OutputStream out();

    void halfClose() throws IOException;

    static Connection open(DockerClientConfig config) throws IOException {
      URI host = config.getDockerHost();
      if ("unix".equals(host.getScheme())) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(host.getPath()));
        // Not Channels.newInputStream: on Java 17 its blocking read holds a lock its writes need too.
        InputStream in = new InputStream() {
          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : channel.read(java.nio.ByteBuffer.wrap(b, off, len));
          }
        };
        OutputStream out = new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
              channel.write(buffer);
            }
          }
        };
        return new Connection() {
          public InputStream in() {
            return in;
          }

          public OutputStream out() {
            return out;
          }

          public void halfClose() throws IOException {
            channel.shutdownOutput();
          }

          public void close() throws IOException {
            channel.close();
          }
        };
      }
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host.getHost(), host.getPort()), (int) CONNECT_BOUND.toMillis());
      socket.setTcpNoDelay(true);
      Socket used = socket;
      if (config.getSSLConfig() != null) {
        try {
          SSLSocket tls = (SSLSocket) config.getSSLConfig().getSSLContext().getSocketFactory()
              .createSocket(socket, host.getHost(), host.getPort(), true);
          tls.startHandshake();
          used = tls;
        } catch (IOException e) {
          socket.close();
          throw e;
        } catch (Exception e) {
          socket.close();
          throw new IOException("cannot set up TLS to the engine: " + e.getMessage(), e);
        }
      }
      Socket s = used;
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      return new Connection() {
        public InputStream in() {
          return in;
        }

        public OutputStream out() {
          return out;
        }

        public void halfClose() throws IOException {
          s.shutdownOutput(); // TLS 1.3 sends close_notify and keeps reading
        }

        public void close() throws IOException {
          s.close();
        }
      };
    }
  }
}
