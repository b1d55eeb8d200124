package org.sockspec.impl.tcp;

import java.io.ByteArrayOutputStream;
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
import org.sockspec.impl.common.Framer;
import org.sockspec.impl.common.Prompt;
import org.sockspec.impl.common.PythonRepr;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;

/**
 * {@code client_tcp HOST}: the handout's TCP client. Connects to HOST port 12800, then reads a line
 * at the {@code > } prompt, sends it, prints the server's answer ({@code recv(1024)}), until it has
 * sent {@code end} (exit 0) or its input ends (exit 0). Under another lab's protocol: the greeting
 * printed first, lines sent with their newline and answers read up to one, no wait for an answer
 * the lab's server does not give, its end word (or none: only the input's end).
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
        ReplyPolicy protocol = ReplyPolicy.of(options);
        AnswerReader answers = new AnswerReader(socket, protocol.byLines());
        if (protocol.greeting().isPresent()) {
            printAnswer(answers.next(), stdio);
        }
        while (true) {
            Optional<String> line = prompt.next();
            if (line.isEmpty()) {
                return;
            }
            byte[] message = line.get().getBytes(StandardCharsets.UTF_8);
            try {
                ByteBuffer toSend = ByteBuffer.wrap(Framer.frame(message, protocol.byLines()));
                while (toSend.hasRemaining()) {
                    socket.write(toSend);
                }
            } catch (IOException e) {
                throw new ReportedFailure("the connection to the server broke (" + e.getMessage() + ")");
            }
            if (protocol.answers(message)) {
                printAnswer(options.plants(Defect.PRINTS_UNREAD) ? protocol.ruleAnswer(message).orElseThrow()
                        : answers.next(), stdio);
            }
            if (protocol.ends(message)) {
                return;
            }
        }
    }

    private static void printAnswer(byte[] answer, Stdio stdio) {
        stdio.out().println("Server tells you " + PythonRepr.bytes(answer));
    }

    /** Reads the server's answers: one {@code recv(1024)} each, or, by lines, up to a newline (left out). */
    private static final class AnswerReader {
        private final SocketChannel socket;
        private final boolean lines;
        private final ByteBuffer buffer = ByteBuffer.allocate(Conversation.RECEIVE_SIZE);
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        AnswerReader(SocketChannel socket, boolean lines) {
            this.socket = socket;
            this.lines = lines;
        }

        byte[] next() throws ReportedFailure {
            try {
                while (true) {
                    byte[] held = pending.toByteArray();
                    int newline = indexOf(held, (byte) '\n');
                    if (lines && newline >= 0) {
                        pending.reset();
                        pending.write(held, newline + 1, held.length - newline - 1);
                        return Arrays.copyOf(held, newline);
                    }
                    buffer.clear();
                    if (socket.read(buffer) < 0) {
                        throw new ReportedFailure("the server closed the connection");
                    }
                    if (!lines) {
                        return Arrays.copyOf(buffer.array(), buffer.position());
                    }
                    pending.write(buffer.array(), 0, buffer.position());
                }
            } catch (IOException e) {
                throw new ReportedFailure("the connection to the server broke (" + e.getMessage() + ")");
            }
        }

        private static int indexOf(byte[] bytes, byte wanted) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}
