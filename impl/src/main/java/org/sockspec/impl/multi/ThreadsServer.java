package org.sockspec.impl.multi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;
import org.sockspec.impl.tcp.Conversation;
import org.sockspec.impl.tcp.ServerLines;

/**
 * {@code srv_tcp_threads}: multi-client TCP server, one thread per connected client, each serving
 * its client with the blocking {@link Conversation}. {@code lsof} shows one process (threads share
 * it) with one LISTEN line and one ESTABLISHED line per client.
 *
 * <p>Each client's {@code end} is answered and closes that client only; the server runs until its
 * accepting thread is interrupted, then closes every client socket. With {@link Defect#SERIAL} the
 * accepting thread serves each client itself, so the next waits in the backlog.
 */
public final class ThreadsServer implements Program {

    /** Larger than the handout's {@code listen(1)}: clients arriving together all get in. */
    static final int BACKLOG = 50;

    private final Options options;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();

    public ThreadsServer(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        ServerLines lines = new ServerLines(stdio.out());
        ReplyPolicy replies = ReplyPolicy.of(options);
        try (ServerSocketChannel listener = Endpoints.listenTcp(options.port(), BACKLOG)) {
            lines.listens(Endpoints.localAddress(listener).getPort());
            while (!Thread.currentThread().isInterrupted()) {
                SocketChannel client = listener.accept();
                clients.add(client);
                Runnable session = () -> serve(client, replies, lines);
                if (options.plants(Defect.SERIAL)) {
                    session.run();
                } else {
                    Thread thread = new Thread(session, "client-" + client.socket().getPort());
                    thread.start();
                }
            }
            return ExitStatus.OK;
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (AsynchronousCloseException stopped) {
            return ExitStatus.OK;
        } catch (IOException e) {
            return new ReportedFailure("the listening socket failed: " + e.getMessage())
                    .report(options.command(), stdio.err());
        } finally {
            clients.forEach(ThreadsServer::closeQuietly);
        }
    }

    private void serve(SocketChannel client, ReplyPolicy replies, ServerLines lines) {
        boolean leftOpen = false;
        try {
            InetSocketAddress address = (InetSocketAddress) client.getRemoteAddress();
            lines.connected(address, Endpoints.localAddress(client));
            Conversation.Outcome outcome = new Conversation(client, address, replies, lines).serve();
            // Defect.LEAVES_CLOSE_WAIT: a client that closed leaves its connection open, the thread gone.
            leftOpen = outcome == Conversation.Outcome.CLIENT_CLOSED && options.plants(Defect.LEAVES_CLOSE_WAIT);
            if (!leftOpen) {
                lines.closing(address);
            }
        } catch (AsynchronousCloseException stopping) {
            // the server is stopping and closed this client's socket: nothing to report
        } catch (IOException goneBeforeServed) {
            // reset between accept and the first look at it: nothing to serve
        } finally {
            if (!leftOpen) {
                clients.remove(client);
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }
}
