package org.sockspec.impl.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** A TCP client the test drives: every read has a bound, nothing blocks forever. */
public final class Peer implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5000;
    private final Socket socket;

    private Peer(Socket socket) {
        this.socket = socket;
    }

    /** Connects to 127.0.0.1:{@code port}. */
    public static Peer connect(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return new Peer(socket);
        } catch (IOException e) {
            throw new AssertionError("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public Peer send(String message) {
        return send(message.getBytes(StandardCharsets.UTF_8));
    }

    public Peer send(byte[] message) {
        try {
            socket.getOutputStream().write(message);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new AssertionError("cannot send to the server", e);
        }
    }

    /** One read of at most 1024 bytes, as the handout's client does; fails at EOF or timeout. */
    public String receive() {
        byte[] buffer = new byte[1024];
        try {
            int count = socket.getInputStream().read(buffer);
            if (count < 0) {
                throw new AssertionError("Expected an answer but the server closed the connection");
            }
            return new String(Arrays.copyOf(buffer, count), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Expected an answer within " + TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            throw new AssertionError("Expected an answer but the connection broke", e);
        }
    }

    /** Sends {@code message} and returns the answer. */
    public String exchange(String message) {
        return send(message).receive();
    }

    /** Asserts that nothing arrives, and the connection stays open, for {@code window}. */
    public void assertSilentFor(Duration window) {
        try {
            socket.setSoTimeout((int) window.toMillis());
            int first = socket.getInputStream().read();
            fail(first < 0 ? "Expected silence for " + window + " but the server closed"
                    : "Expected silence for " + window + " but received a byte " + first);
        } catch (SocketTimeoutException expected) {
            // silent for the whole window, connection still open
        } catch (IOException e) {
            throw new AssertionError("Expected silence but the connection broke", e);
        } finally {
            try {
                socket.setSoTimeout(TIMEOUT_MILLIS);
            } catch (SocketException closed) {
                // nothing to restore
            }
        }
    }

    /** Asserts that the server closes the connection (EOF) within the read timeout. */
    public void awaitClosedByServer() {
        try {
            InputStream in = socket.getInputStream();
            int next = in.read();
            if (next >= 0) {
                fail("Expected the server to close the connection but received a byte " + next);
            }
        } catch (SocketTimeoutException e) {
            fail("Expected the server to close the connection within " + TIMEOUT_MILLIS + " ms");
        } catch (IOException reset) {
            // a reset closes it too
        }
    }

    /** Closes with a reset (SO_LINGER 0) instead of a FIN. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // closed either way
        }
    }
}
