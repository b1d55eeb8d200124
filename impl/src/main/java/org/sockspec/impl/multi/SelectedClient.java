package org.sockspec.impl.multi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import org.sockspec.impl.common.Framer;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.tcp.Conversation;
import org.sockspec.impl.tcp.ServerLines;

/**
 * One client of {@link SelectServer}: the same session as {@link Conversation}, driven by readiness
 * events instead of blocking calls. Answers that cannot be written at once wait in a queue until
 * the socket is writable, so one slow client never blocks the others.
 */
final class SelectedClient {

    private final SocketChannel channel;
    private final InetSocketAddress address;
    private final SelectionKey key;
    private final ReplyPolicy replies;
    private final ServerLines lines;
    private final Runnable onClose;
    private final ByteBuffer buffer = ByteBuffer.allocate(Conversation.RECEIVE_SIZE);
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();
    private boolean ended;

    SelectedClient(SocketChannel channel, InetSocketAddress address, SelectionKey key,
            ReplyPolicy replies, ServerLines lines, Runnable onClose, boolean leavesCloseWait) {
        this.channel = channel;
        this.address = address;
        this.key = key;
        this.replies = replies;
        this.lines = lines;
        this.onClose = onClose;
        this.framer = replies.framer();
        this.leavesCloseWait = leavesCloseWait;
        replies.greeting().map(ByteBuffer::wrap).ifPresent(greeting -> {
            pending.add(greeting);
            key.interestOps(SelectionKey.OP_WRITE);
        });
    }

    private final Framer framer;
    /** {@link org.sockspec.impl.Defect#LEAVES_CLOSE_WAIT}: a client that closed is dropped from the select, its connection left open. */
    private final boolean leavesCloseWait;

    /** The socket is readable: one read is one message, as {@code recv(1024)}, or the lines it completes. */
    void onReadable() {
        buffer.clear();
        int count;
        try {
            count = channel.read(buffer);
        } catch (IOException reset) {
            lines.clientReset(address);
            close();
            return;
        }
        if (count < 0) {
            lines.clientClosed(address);
            if (leavesCloseWait) {
                key.cancel(); // no longer watched, never closed: CLOSE_WAIT
                onClose.run();
                return;
            }
            close();
            return;
        }
        for (byte[] message : framer.messages(Arrays.copyOf(buffer.array(), buffer.position()))) {
            Optional<byte[]> answer = replies.answerTo(message);
            answer.map(ByteBuffer::wrap).ifPresent(pending::add);
            boolean broken = !flush();
            lines.received(message, address);
            if (broken) {
                lines.clientReset(address);
                close();
                return;
            }
            if (replies.ends(message)) {
                ended = true; // stop reading; close once the answer is out
                closeIfDone();
                return;
            }
        }
    }

    /** The socket is writable again: send what waits. */
    void onWritable() {
        if (!flush()) {
            lines.clientReset(address);
            close();
            return;
        }
        closeIfDone();
    }

    /** Writes what it can; false if the connection broke. */
    private boolean flush() {
        try {
            while (!pending.isEmpty()) {
                ByteBuffer next = pending.peek();
                channel.write(next);
                if (next.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                    return true;
                }
                pending.poll();
            }
            key.interestOps(ended ? 0 : SelectionKey.OP_READ);
            return true;
        } catch (IOException broken) {
            return false;
        }
    }

    private void closeIfDone() {
        if (ended && pending.isEmpty()) {
            close();
        }
    }

    /** Closes the connection and prints the closing line; idempotent. */
    void close() {
        if (!channel.isOpen()) {
            return;
        }
        key.cancel();
        try {
            channel.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
        lines.closing(address);
        onClose.run();
    }
}
