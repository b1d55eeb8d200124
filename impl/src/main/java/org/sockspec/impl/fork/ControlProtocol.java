package org.sockspec.impl.fork;

import java.util.Optional;

/**
 * The line protocol between the fork supervisor and its worker processes.
 *
 * <p>Orders, supervisor to worker, on the worker's stdin: {@code listen PORT} (take over the
 * listening socket), {@code close} (a successor listens: release it). The end of stdin means the
 * supervisor is gone: an idle worker exits, a busy one finishes its client first.
 *
 * <p>Reports, worker to supervisor, on the worker's stdout, marked with {@link #PREFIX} so that
 * they cannot be mistaken for the lines the worker prints for the user (which the supervisor
 * relays): {@code ready PID}, {@code listening PORT}, {@code accepted ('host', port)},
 * {@code failed MESSAGE}.
 */
final class ControlProtocol {

    static final String PREFIX = "@sockspec-worker ";
    static final String LISTEN = "listen";
    static final String CLOSE = "close";

    /** A report's kind. */
    enum Kind { READY, LISTENING, ACCEPTED, FAILED }

    /** A parsed report: its kind and the rest of the line. */
    record Report(Kind kind, String argument) {
    }

    private ControlProtocol() {
    }

    static String ready(long pid) {
        return PREFIX + "ready " + pid;
    }

    static String listening(int port) {
        return PREFIX + "listening " + port;
    }

    static String accepted(String client) {
        return PREFIX + "accepted " + client;
    }

    static String failed(String message) {
        return PREFIX + "failed " + message.replace('\n', ' ');
    }

    static String listenOrder(int port) {
        return LISTEN + " " + port;
    }

    /** The report a worker's output line carries, or empty for a line to relay. */
    static Optional<Report> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = line.substring(PREFIX.length());
        int space = body.indexOf(' ');
        String verb = space < 0 ? body : body.substring(0, space);
        String argument = space < 0 ? "" : body.substring(space + 1);
        for (Kind kind : Kind.values()) {
            if (kind.name().equalsIgnoreCase(verb)) {
                return Optional.of(new Report(kind, argument));
            }
        }
        return Optional.empty();
    }

    /** The port of a {@code listen PORT} order, or empty if the line is another order. */
    static Optional<Integer> listenPort(String order) {
        if (order == null || !order.startsWith(LISTEN + " ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(order.substring(LISTEN.length() + 1).trim()));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
