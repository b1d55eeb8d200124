package org.sockspec.impl.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.sockspec.impl.Command;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.testing.Keyboard;
import org.sockspec.impl.testing.OwnedSockets;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.Running;

// Alone, not beside the classes that start processes: this one runs workers inside the test JVM and
// reads their sockets' owners and lifetimes from /proc, and a process the JVM spawns meanwhile holds
// a copy of every open descriptor until its helper closes them. A closed listener was once seen
// still LISTEN after the worker's answer, in a full build with ForkServerTest running beside it.
/** A worker's side of the protocol, run in process with its orders typed by the test. */
@Isolated
class ForkWorkerTest {

    private final Keyboard orders = new Keyboard();

    private Running startWorker() {
        ForkWorker worker = new ForkWorker(Options.defaults(Command.SRV_TCP_FORK));
        Program program = stdio -> worker.run(stdio.in(), stdio.out());
        return Running.start(program, orders);
    }

    private static int listeningPort(Running worker) {
        String report = worker.out.awaitLine(ControlProtocol.PREFIX + "listening ");
        return Integer.parseInt(report.substring(report.lastIndexOf(' ') + 1));
    }

    @Test
    void reportsItsPidThenListensWhereItIsTold() {
        try (Running worker = startWorker()) {
            assertThat(worker.out.awaitLine("ready")).isEqualTo(
                    ControlProtocol.ready(ProcessHandle.current().pid()));
            orders.type("listen 0");
            assertThat(OwnedSockets.listenersOn(listeningPort(worker)))
                    .containsExactly(ProcessHandle.current().pid());
        }
    }

    @Test
    void servesItsOneClientOnlyOnceToldToCloseItsListener() {
        try (Running worker = startWorker()) {
            orders.type("listen 0");
            int port = listeningPort(worker);
            Set<Long> listener = OwnedSockets.listeningSockets(port);
            try (Peer client = Peer.connect(port)) {
                client.send("hello");
                assertThat(worker.out.awaitLine("accepted")).isEqualTo(ControlProtocol.accepted(
                        "('127.0.0.1', " + client.localPort() + ")"));
                client.assertSilentFor(Duration.ofMillis(200)); // no successor listens yet
                orders.type("close");
                assertThat(client.receive()).isEqualTo("Message received");
                assertThat(OwnedSockets.listeningSockets(port)).doesNotContainAnyElementsOf(listener);
                assertThat(client.exchange("end")).isEqualTo("Message received");
                assertThat(worker.awaitExit()).isEqualTo(ExitStatus.OK);
                assertThat(worker.out.lines()).endsWith("Received b'end' from client socket"
                        + " ('127.0.0.1', " + client.localPort() + "): ", "Closing the connection");
            }
        }
    }

    @Test
    void theEndOfItsOrdersEndsAnIdleOrListeningWorker() {
        Running idle = startWorker();
        idle.out.awaitLine("ready");
        orders.close();
        assertThat(idle.awaitExit()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void aPortItCannotTakeIsReportedAsAFailure() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Running worker = startWorker();
            orders.type("listen " + taken.getLocalPort());
            assertThat(worker.out.awaitLine("failed")).startsWith(ControlProtocol.PREFIX
                    + "failed the TCP port " + taken.getLocalPort() + " is already in use");
            assertThat(worker.awaitExit()).isEqualTo(ExitStatus.FAILURE);
        }
    }
}
