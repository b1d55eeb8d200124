package org.sockspec.impl.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A UDP socket on 127.0.0.1 the test drives: every receive has a bound. */
public final class DatagramPeer implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5000;
    private final DatagramSocket socket;

    /** A datagram and who sent it. */
    public record Datagram(String text, byte[] bytes, InetSocketAddress sender) {
    }

    public DatagramPeer() {
        this(0);
    }

    public DatagramPeer(int port) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new AssertionError("cannot bind a UDP socket on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public DatagramPeer sendTo(int port, String text) {
        return sendTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public DatagramPeer sendTo(InetSocketAddress target, byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, target));
            return this;
        } catch (IOException e) {
            throw new AssertionError("cannot send to " + target, e);
        }
    }

    /** The next datagram; fails if none comes within the timeout. */
    public Datagram receive() {
        return receiveWithin(Duration.ofMillis(TIMEOUT_MILLIS)).orElseThrow(() ->
                new AssertionError("Expected a datagram within " + TIMEOUT_MILLIS + " ms"));
    }

    /** The next datagram, or empty if none comes within {@code window}. */
    public Optional<Datagram> receiveWithin(Duration window) {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) window.toMillis());
            socket.receive(packet);
            byte[] data = Arrays.copyOf(buffer, packet.getLength());
            return Optional.of(new Datagram(new String(data, StandardCharsets.UTF_8), data,
                    (InetSocketAddress) packet.getSocketAddress()));
        } catch (SocketTimeoutException nothing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends {@code text} to 127.0.0.1:{@code port} and returns the answer's text. */
    public String exchange(int port, String text) {
        return sendTo(port, text).receive().text();
    }

    @Override
    public void close() {
        socket.close();
    }
}
