package org.sockspec.impl.fork;

import java.util.ArrayList;
import java.util.List;
import org.sockspec.impl.Command;
import org.sockspec.impl.Options;
import org.sockspec.impl.testing.OwnedSockets;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.Running;

/**
 * Three clients arriving together at a fork server: all three connect before any sends, so two
 * of them queue on the first worker's listener and must be moved to its successors when it closes
 * ({@code tcp_migrate_req}). Reports what it saw as lines, so it can run in another process (in a
 * private network namespace) as well as in this one.
 */
final class BurstCheck {

    private BurstCheck() {
    }

    /** Runs the check where this JVM is; exit status 0 with the report, 1 with the error. */
    public static void main(String[] args) {
        try {
            run().forEach(System.out::println);
            System.exit(0);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("error " + e);
            System.exit(1);
        }
    }

    /** Lines {@code self PID}, {@code answer TEXT} x3, {@code owner PID} x3, {@code listeners [PID]}. */
    static List<String> run() {
        List<String> report = new ArrayList<>();
        report.add("self " + ProcessHandle.current().pid());
        Options options = Options.defaults(Command.SRV_TCP_FORK).withPort(0);
        try (Running server = Running.start(Command.SRV_TCP_FORK.create(options))) {
            int port = server.port();
            List<Peer> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(Peer.connect(port));
                }
                clients.forEach(client -> client.send("hello"));
                clients.forEach(client -> report.add("answer " + client.receive()));
                clients.forEach(client -> report.add("owner " + OwnedSockets
                        .ownerOfServerSide(port, client.localPort()).orElse(-1L)));
                report.add("listeners " + OwnedSockets.listenersOn(port));
            } finally {
                clients.forEach(Peer::close);
            }
        }
        return report;
    }
}
