package org.sockspec.impl.testing;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A client's stdin, typed by the test: {@link #type} adds a line, {@link #close} is the end of
 * input (Ctrl-D). Reading blocks until there is something, and ends with an
 * {@link InterruptedIOException} if the reading thread is interrupted.
 */
public final class Keyboard extends InputStream {

    private final Deque<Byte> typed = new ArrayDeque<>();
    private boolean closed;

    /** Types {@code line} and Enter. */
    public synchronized Keyboard type(String line) {
        for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
            typed.add(b);
        }
        notifyAll();
        return this;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        awaitInput();
        return typed.isEmpty() ? -1 : typed.poll() & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        awaitInput();
        if (typed.isEmpty()) {
            return -1;
        }
        int count = 0;
        while (count < len && !typed.isEmpty()) {
            buffer[off + count++] = typed.poll();
        }
        return count;
    }

    @Override
    public synchronized int available() {
        return typed.size();
    }

    private void awaitInput() throws InterruptedIOException {
        while (typed.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stdin read interrupted");
            }
        }
    }
}
