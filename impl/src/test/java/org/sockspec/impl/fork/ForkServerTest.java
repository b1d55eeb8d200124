package org.sockspec.impl.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.multi.MultiClientServerContract;
import org.sockspec.impl.testing.Await;
import org.sockspec.impl.testing.OwnedSockets;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.ProcessState;
import org.sockspec.impl.testing.Running;

/**
 * The process-per-client server, with real worker JVMs started by the supervisor running in this
 * JVM: the multi-client contract, then what only processes show (the socket table, reaping).
 */
@Execution(ExecutionMode.CONCURRENT) // independent servers; most of the time is JVM start-up
class ForkServerTest extends MultiClientServerContract {

    private static final long TEST_JVM = ProcessHandle.current().pid();
    private static final Duration REAPED = Duration.ofSeconds(5);

    @Override
    protected Command command() {
        return Command.SRV_TCP_FORK;
    }

    private static long serverSideOwner(int port, Peer client) {
        return OwnedSockets.ownerOfServerSide(port, client.localPort()).orElseThrow(() ->
                new AssertionError("no process owns the server side of the connection from port "
                        + client.localPort()));
    }

    @Test
    void eachClientIsServedByItsOwnProcessWhileAnotherKeepsListening() {
        try (Running server = start(options())) {
            int port = server.port();
            List<Peer> clients = new ArrayList<>();
            List<Long> owners = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Peer client = Peer.connect(port);
                    clients.add(client);
                    assertThat(client.exchange("hello " + i)).isEqualTo("Message received");
                    owners.add(serverSideOwner(port, client));
                }
                assertThat(owners).doesNotHaveDuplicates().doesNotContain(TEST_JVM);
                assertThat(OwnedSockets.listenersOn(port)).singleElement()
                        .isNotIn(owners).isNotEqualTo(TEST_JVM);
            } finally {
                clients.forEach(Peer::close);
            }
        }
    }

    @Test
    void aWorkerThatServedItsClientIsReapedWhenItExits() {
        try (Running server = start(options()); Peer client = Peer.connect(server.port())) {
            client.exchange("hello");
            long worker = serverSideOwner(server.port(), client);
            client.exchange("end");
            Await.until("worker " + worker + " to be reaped (gone from /proc)",
                    () -> ProcessState.of(worker).isEmpty(), REAPED,
                    () -> "state " + ProcessState.of(worker));
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void anotherServerOnTheSamePortIsRefusedDespiteSoReuseport() {
        try (Running first = start(options())) {
            Running second = start(options().withPort(first.port()));
            assertThat(second.awaitExit()).isEqualTo(ExitStatus.FAILURE);
            assertThat(second.err.lines()).singleElement().asString()
                    .startsWith("srv_tcp_fork: the TCP port " + first.port() + " is already in use");
        }
    }

    @Test
    void defectZombiesLeavesEachServedWorkerDefunctUntilTheServerStops() {
        long worker;
        try (Running server = start(options().withDefect(Defect.ZOMBIES));
                Peer client = Peer.connect(server.port())) {
            client.exchange("hello");
            worker = serverSideOwner(server.port(), client);
            client.exchange("end");
            client.awaitClosedByServer();
            Await.until("worker " + worker + " to be a zombie (state Z)",
                    () -> ProcessState.of(worker).filter(state -> state == 'Z').isPresent(),
                    REAPED, () -> "state " + ProcessState.of(worker));
        }
        // stopping the server ends the intermediate shell, whose trap reaps the zombie
        Await.until("zombie " + worker + " to be reaped once the server stopped",
                () -> ProcessState.of(worker).isEmpty(), REAPED,
                () -> "state " + ProcessState.of(worker));
    }

    @Test
    void defectOneProcessServesEveryClientFromTheServersOwnProcess() {
        try (Running server = start(options().withDefect(Defect.ONE_PROCESS));
                Peer a = Peer.connect(server.port()); Peer b = Peer.connect(server.port())) {
            a.exchange("hello");
            b.exchange("hello");
            assertThat(List.of(serverSideOwner(server.port(), a), serverSideOwner(server.port(), b)))
                    .containsOnly(TEST_JVM);
        }
    }
}
