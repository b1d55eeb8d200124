package org.sockspec.impl.tcp;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import org.sockspec.impl.common.PythonRepr;

/**
 * The lines every TCP server prints, worded as the handout's {@code srv_tcp_fork.py} prints them
 * (with the message shown as Python's {@code repr} of its bytes, {@code b'hello'}, so that any
 * bytes print without error and a cut or empty message shows as such).
 *
 * <p>The startup line {@link #listens} is printed once the socket listens: the kit may take it as
 * the readiness signal. {@link PrintStream#println} is atomic, so threads may share one instance.
 */
public final class ServerLines {

    private final PrintStream out;

    public ServerLines(PrintStream out) {
        this.out = out;
    }

    /** {@code The server now listens on the port 12800}. */
    public void listens(int port) {
        print("The server now listens on the port " + port);
    }

    /** {@code The server is now connected to the client socket (...) using the server socket (...)}. */
    public void connected(InetSocketAddress client, InetSocketAddress server) {
        print("The server is now connected to the client socket " + PythonRepr.address(client)
                + " using the server socket " + PythonRepr.address(server));
    }

    /** {@code Received b'hello' from client socket ('127.0.0.1', 54321): } (sic: trailing space). */
    public void received(byte[] message, InetSocketAddress client) {
        print("Received " + PythonRepr.bytes(message) + " from client socket "
                + PythonRepr.address(client) + ": ");
    }

    /** A client closed its side without sending {@code end} (a 0-byte read). */
    public void clientClosed(InetSocketAddress client) {
        print("The client socket " + PythonRepr.address(client) + " closed the connection");
    }

    /** A client reset the connection (or it broke while the server wrote to it). */
    public void clientReset(InetSocketAddress client) {
        print("The client socket " + PythonRepr.address(client) + " reset the connection");
    }

    /** The single-client servers' last line about their client: {@code Closing the connection}. */
    public void closing() {
        print("Closing the connection");
    }

    /** The multi-client servers' last line about one client, naming it. */
    public void closing(InetSocketAddress client) {
        print("Closing the connection with the client socket " + PythonRepr.address(client));
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
