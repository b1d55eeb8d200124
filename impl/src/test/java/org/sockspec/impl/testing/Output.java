package org.sockspec.impl.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A stream a program prints to, split into lines the test can await (a bounded wait on a
 * condition, never a sleep). Thread-safe: servers print from several threads.
 */
public final class Output {

    /** How long an await waits by default: generous, since a worker JVM may have to start. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
            append(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            append(b, off, len);
        }
    }, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    private synchronized void append(byte[] bytes, int off, int len) {
        all.write(bytes, off, len);
        for (int i = off; i < off + len; i++) {
            if (bytes[i] == '\n') {
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            } else {
                partial.write(bytes[i]);
            }
        }
        notifyAll();
    }

    /** The complete lines printed so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Everything printed so far, an unfinished line (a prompt) included. */
    public synchronized String text() {
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Waits for a line containing {@code fragment} and returns it. */
    public String awaitLine(String fragment) {
        return awaitLine("a line containing '" + fragment + "'", line -> line.contains(fragment),
                WAIT);
    }

    /** Waits for a line that {@code matches} and returns it, failing with what was seen. */
    public synchronized String awaitLine(String what, Predicate<String> matches, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (matches.test(lines.get(checked))) {
                    return lines.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + what + " within " + within
                        + " but the program printed:\n" + text());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code count} lines contain {@code fragment}. */
    public synchronized void awaitLines(String fragment, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lines.stream().filter(line -> line.contains(fragment)).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " lines containing '" + fragment
                        + "' within " + WAIT + " but the program printed:\n" + text());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
