package org.sockspec.impl.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;

/**
 * {@code srv_tcp}: the handout's single-client TCP server. Binds {@code ('', 12800)},
 * {@code listen(1)}, accepts ONE client, serves it ({@link Conversation}), closes both sockets and
 * exits 0. Blocking and single-threaded on purpose: a second client's connection completes in the
 * kernel's backlog but is never served (lab question 1.3), and is reset when the server exits.
 *
 * <p>The session also ends, with exit status 0, when the client disconnects or resets instead of
 * sending {@code end} (the lab's end word; where the lab has none, that is how it ends). With
 * {@code --after-end close} it is an iterative server instead, as many labs' are: it closes the
 * connection and accepts the next client, one at a time, until stopped.
 */
public final class TcpServer implements Program {

    /** The handout's {@code s.listen(1)}. */
    static final int BACKLOG = 1;

    private final Options options;

    public TcpServer(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        ServerLines lines = new ServerLines(stdio.out());
        try (ServerSocketChannel listener = Endpoints.listenTcp(options.port(), BACKLOG)) {
            lines.listens(Endpoints.localAddress(listener).getPort());
            List<SocketChannel> leftOpen = new ArrayList<>();
            boolean iterative = options.protocol().afterEnd().filter("close"::equals).isPresent();
            while (true) {
                SocketChannel client = listener.accept();
                InetSocketAddress clientAddress = (InetSocketAddress) client.getRemoteAddress();
                lines.connected(clientAddress, Endpoints.localAddress(client));
                Conversation.Outcome outcome =
                        new Conversation(client, clientAddress, ReplyPolicy.of(options), lines).serve();
                if (outcome == Conversation.Outcome.CLIENT_CLOSED && options.plants(Defect.LEAVES_CLOSE_WAIT)) {
                    leftOpen.add(client); // never closed: CLOSE_WAIT; on to the next client
                    continue;
                }
                client.close();
                lines.closing();
                if (!iterative) {
                    return ExitStatus.OK;
                }
            }
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (AsynchronousCloseException stopped) {
            return ExitStatus.OK;
        } catch (IOException e) {
            return new ReportedFailure("the listening socket failed: " + e.getMessage())
                    .report(options.command(), stdio.err());
        }
    }
}
