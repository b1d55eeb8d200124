package org.sockspec.impl.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.common.Framer;
import org.sockspec.impl.common.ReplyPolicy;

/**
 * One client's session on a blocking TCP connection, as the handout's {@code receive()} loop:
 * {@code recv(1024)}, answer, print, until {@code end}; or as the lab's protocol says (its greeting
 * first, its messages lines, its end word or none). Every blocking TCP server (srv_tcp, the
 * thread-per-client server, each fork worker) serves its clients with it.
 *
 * <p>Unlike the handout's loop, a client that closes its side (0-byte read) or resets the
 * connection ends the session with a printed line instead of a busy loop or a traceback. The
 * caller owns the channel: it closes it and prints its own closing line.
 */
public final class Conversation {

    /** The handout's {@code recv(1024)}: one read of at most 1024 bytes is one message. */
    public static final int RECEIVE_SIZE = 1024;

    /** How a session ended. */
    public enum Outcome {
        /** The client sent {@code end} and was answered. */
        ENDED,
        /** The client closed its side without sending {@code end}. */
        CLIENT_CLOSED,
        /** The connection was reset, or broke while the server wrote to it. */
        CLIENT_RESET
    }

    private final SocketChannel client;
    private final InetSocketAddress clientAddress;
    private final ReplyPolicy replies;
    private final ServerLines lines;

    public Conversation(SocketChannel client, InetSocketAddress clientAddress,
            ReplyPolicy replies, ServerLines lines) {
        this.client = client;
        this.clientAddress = clientAddress;
        this.replies = replies;
        this.lines = lines;
    }

    /**
     * Serves the client to the end of its session.
     *
     * @throws AsynchronousCloseException if another thread closed the channel or interrupted this
     *     one: the server is stopping, there is nothing to report
     */
    public Outcome serve() throws AsynchronousCloseException {
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_SIZE);
        Framer framer = replies.framer();
        try {
            Optional<byte[]> greeting = replies.greeting();
            if (greeting.isPresent()) {
                writeFully(ByteBuffer.wrap(greeting.get()));
            }
            while (true) {
                buffer.clear();
                if (client.read(buffer) < 0) {
                    lines.clientClosed(clientAddress);
                    return Outcome.CLIENT_CLOSED;
                }
                for (byte[] message : framer.messages(Arrays.copyOf(buffer.array(), buffer.position()))) {
                    Optional<byte[]> answer = replies.answerTo(message);
                    if (answer.isPresent()) {
                        writeFully(ByteBuffer.wrap(answer.get()));
                    }
                    lines.received(message, clientAddress);
                    if (replies.ends(message)) {
                        return Outcome.ENDED;
                    }
                }
            }
        } catch (AsynchronousCloseException stopping) {
            throw stopping;
        } catch (IOException broken) {
            lines.clientReset(clientAddress);
            return Outcome.CLIENT_RESET;
        }
    }

    private void writeFully(ByteBuffer answer) throws IOException {
        while (answer.hasRemaining()) {
            client.write(answer);
        }
    }
}
