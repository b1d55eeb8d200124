package org.sockspec.impl.multi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;
import org.sockspec.impl.tcp.ServerLines;

/**
 * {@code srv_tcp_select}: multi-client TCP server, single-process style (the handout's
 * {@code select} server, which answers as {@code srv_tcp} does). One thread waits on the listening
 * socket and every client socket with a {@link Selector}; {@code lsof} shows one process with one
 * LISTEN line and one ESTABLISHED line per client (lab question 3.2).
 *
 * <p>Each client's {@code end} is answered and closes that client only; the server runs until its
 * thread is interrupted (the process is killed). With {@link Defect#SERIAL} it stops accepting
 * while a client is connected, so clients are served one after another.
 */
public final class SelectServer implements Program {

    /** Larger than the handout's {@code listen(1)}: clients arriving together all get in. */
    static final int BACKLOG = 50;

    private final Options options;

    public SelectServer(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        ServerLines lines = new ServerLines(stdio.out());
        ReplyPolicy replies = ReplyPolicy.of(options);
        try (ServerSocketChannel listener = Endpoints.listenTcp(options.port(), BACKLOG);
                Selector selector = Selector.open()) {
            listener.configureBlocking(false);
            SelectionKey accepting = listener.register(selector, SelectionKey.OP_ACCEPT);
            lines.listens(Endpoints.localAddress(listener).getPort());
            try {
                // select() returns at once when the thread is interrupted: that is the stop signal
                while (!Thread.currentThread().isInterrupted()) {
                    selector.select();
                    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                    while (ready.hasNext()) {
                        SelectionKey key = ready.next();
                        ready.remove();
                        dispatch(key, accepting, selector, replies, lines);
                    }
                }
            } finally {
                closeClients(selector);
            }
            return ExitStatus.OK;
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (IOException e) {
            return new ReportedFailure("the selector failed: " + e.getMessage())
                    .report(options.command(), stdio.err());
        }
    }

    private void dispatch(SelectionKey key, SelectionKey accepting, Selector selector,
            ReplyPolicy replies, ServerLines lines) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key == accepting) {
            SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
            if (client != null) {
                admit(client, accepting, selector, replies, lines);
            }
            return;
        }
        SelectedClient client = (SelectedClient) key.attachment();
        if (key.isReadable()) {
            client.onReadable();
        }
        if (key.isValid() && key.isWritable()) {
            client.onWritable();
        }
    }

    private void admit(SocketChannel client, SelectionKey accepting, Selector selector,
            ReplyPolicy replies, ServerLines lines) throws IOException {
        InetSocketAddress address;
        try {
            address = (InetSocketAddress) client.getRemoteAddress();
            client.configureBlocking(false);
            lines.connected(address, Endpoints.localAddress(client));
        } catch (IOException goneAlready) {
            client.close();
            return;
        }
        boolean serial = options.plants(Defect.SERIAL);
        if (serial) {
            accepting.interestOps(0); // the next client waits in the backlog
        }
        SelectionKey key = client.register(selector, SelectionKey.OP_READ);
        Runnable onClose = serial
                ? () -> accepting.interestOps(SelectionKey.OP_ACCEPT)
                : () -> { };
        key.attach(new SelectedClient(client, address, key, replies, lines, onClose,
                options.plants(Defect.LEAVES_CLOSE_WAIT)));
    }

    private static void closeClients(Selector selector) {
        List<SelectionKey> keys = new ArrayList<>(selector.keys());
        for (SelectionKey key : keys) {
            if (key.attachment() instanceof SelectedClient) {
                try {
                    key.channel().close();
                } catch (IOException alreadyGone) {
                    // stopping anyway
                }
            }
        }
    }
}
