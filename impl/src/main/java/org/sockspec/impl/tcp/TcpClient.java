package org.sockspec.impl.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.Prompt;
import org.sockspec.impl.common.PythonRepr;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;

/**
 * {@code client_tcp HOST}: the handout's TCP client. Connects to HOST port 12800, then reads a line
 * at the {@code > } prompt, sends it, prints the server's answer ({@code recv(1024)}), until it has
 * sent {@code end} (exit 0) or its input ends (exit 0).
 *
 * <p>Without exactly one HOST it prints the handout's usage line on stdout and exits 2. A refused
 * connection, an unknown host, a server that closes or resets the connection: one line on stderr,
 * exit 1. Like Python's, an empty line sends nothing and so waits for an answer that never comes.
 */
public final class TcpClient implements Program {

    /** The handout's usage line, printed on stdout. */
    public static final String USAGE = "Only one argument: the dest hostname/IP address as string";

    private final Options options;

    public TcpClient(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        if (!options.plants(Defect.NO_USAGE_CHECK) && options.arguments().size() != 1) {
            stdio.out().println(USAGE);
            return ExitStatus.USAGE;
        }
        String host = options.arguments().get(0); // without the check: Python's IndexError
        try (SocketChannel socket = SocketChannel.open(StandardProtocolFamily.INET)) {
            InetSocketAddress server =
                    new InetSocketAddress(Endpoints.resolveIpv4(host), options.port());
            if (!connect(socket, server, host)) {
                return ExitStatus.OK; // Defect.SWALLOWS_REFUSED: nothing said
            }
            stdio.out().println("TCP Socket established between client socket "
                    + PythonRepr.address(Endpoints.localAddress(socket)) + " <--> server socket ("
                    + host + ", " + options.port() + ")");
            converse(socket, new Prompt(stdio.in(), stdio.out()), stdio);
            stdio.out().println("Closing the TCP Socket");
            return ExitStatus.OK;
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (IOException e) {
            return new ReportedFailure(e.getMessage()).report(options.command(), stdio.err());
        }
    }

    /** Connects; false if the connection was refused and the defect says to keep quiet. */
    private boolean connect(SocketChannel socket, InetSocketAddress server, String host)
            throws ReportedFailure {
        try {
            socket.connect(server);
            return true;
        } catch (ConnectException e) {
            if (options.plants(Defect.SWALLOWS_REFUSED)) {
                return false;
            }
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("refused")) {
                throw new ReportedFailure("Connection refused: nothing listens on " + host
                        + " port " + options.port());
            }
            throw new ReportedFailure("cannot connect to " + host + " port " + options.port()
                    + ": " + reason);
        } catch (IOException e) {
            throw new ReportedFailure("cannot connect to " + host + " port " + options.port()
                    + ": " + e.getMessage());
        }
    }

    private void converse(SocketChannel socket, Prompt prompt, Stdio stdio)
            throws ReportedFailure {
        ByteBuffer answer = ByteBuffer.allocate(Conversation.RECEIVE_SIZE);
        while (true) {
            Optional<String> line = prompt.next();
            if (line.isEmpty()) {
                return;
            }
            byte[] message = line.get().getBytes(StandardCharsets.UTF_8);
            answer.clear();
            try {
                ByteBuffer toSend = ByteBuffer.wrap(message);
                while (toSend.hasRemaining()) {
                    socket.write(toSend);
                }
                if (socket.read(answer) < 0) {
                    throw new ReportedFailure("the server closed the connection");
                }
            } catch (IOException e) {
                throw new ReportedFailure("the connection to the server broke ("
                        + e.getMessage() + ")");
            }
            stdio.out().println("Server tells you "
                    + PythonRepr.bytes(Arrays.copyOf(answer.array(), answer.position())));
            if (ReplyPolicy.isEnd(message)) {
                return;
            }
        }
    }
}
