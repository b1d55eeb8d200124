package org.sockspec.impl.common;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;

/**
 * Opens the programs' sockets the way the handout's do: IPv4 ({@code AF_INET}) on every interface
 * ({@code ''}), so that {@code lsof} shows {@code IPv4 *:12800} as for Python, not a dual-stack
 * IPv6 socket, and clients print {@code ('127.0.0.1', port)}. Failures become one-line
 * {@link ReportedFailure}s.
 */
public final class Endpoints {

    private Endpoints() {
    }

    /** The wildcard IPv4 address and {@code port}: Python's {@code ('', port)}. */
    public static InetSocketAddress anyIpv4(int port) {
        return new InetSocketAddress("0.0.0.0", port);
    }

    /**
     * A TCP socket listening on {@code ('', port)} with the given backlog. Java sets
     * {@code SO_REUSEADDR} on listeners (Python does not), so a restart right after a session is
     * not refused because of TIME_WAIT sockets; a port another socket listens on still is.
     */
    public static ServerSocketChannel listenTcp(int port, int backlog) throws ReportedFailure {
        try {
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
            try {
                listener.bind(anyIpv4(port), backlog);
                return listener;
            } catch (IOException e) {
                listener.close();
                throw e;
            }
        } catch (IOException e) {
            throw bindFailure("TCP", port, e);
        }
    }

    /** A UDP socket bound to {@code ('', port)}. */
    public static DatagramChannel bindUdp(int port) throws ReportedFailure {
        try {
            DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET);
            try {
                return socket.bind(anyIpv4(port));
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        } catch (IOException e) {
            throw bindFailure("UDP", port, e);
        }
    }

    /** The failure to report when binding {@code port} failed with {@code cause}. */
    public static ReportedFailure bindFailure(String protocol, int port, IOException cause) {
        if (cause instanceof BindException) {
            return new ReportedFailure("the " + protocol + " port " + port
                    + " is already in use (" + cause.getMessage() + ")");
        }
        return new ReportedFailure("cannot open a " + protocol + " socket on the port " + port
                + ": " + cause.getMessage());
    }

    /** The first IPv4 address of {@code host} (the handout's clients are IPv4 only). */
    public static InetAddress resolveIpv4(String host) throws ReportedFailure {
        try {
            return Arrays.stream(InetAddress.getAllByName(host))
                    .filter(Inet4Address.class::isInstance).findFirst()
                    .orElseThrow(() -> new ReportedFailure("the host '" + host
                            + "' has no IPv4 address"));
        } catch (UnknownHostException e) {
            throw new ReportedFailure("cannot resolve the host '" + host + "'");
        }
    }

    /** The local address a channel is bound to. */
    public static InetSocketAddress localAddress(NetworkChannel channel) throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }
}
