package org.sockspec.impl.multi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.Running;

/**
 * What every multi-client TCP server does, whatever its style (selector, threads, processes):
 * each subclass runs these against its server. Clients connect one after another here, each
 * after the previous had an answer; clients arriving together are the fork server's own test.
 */
public abstract class MultiClientServerContract {

    protected static final Duration SILENCE = Duration.ofMillis(300);

    /** The server under test. */
    protected abstract Command command();

    protected Options options() {
        return Options.defaults(command()).withPort(0);
    }

    protected Running start(Options options) {
        return Running.start(command().create(options));
    }

    @Test
    void threeConnectedClientsAreAllAnswered() {
        try (Running server = start(options()); Peer a = Peer.connect(server.port())) {
            assertThat(a.exchange("a1")).isEqualTo("Message received");
            try (Peer b = Peer.connect(server.port())) {
                assertThat(b.exchange("b1")).isEqualTo("Message received");
                try (Peer c = Peer.connect(server.port())) {
                    assertThat(c.exchange("c1")).isEqualTo("Message received");
                    assertThat(a.exchange("a2")).isEqualTo("Message received");
                    assertThat(b.exchange("b2")).isEqualTo("Message received");
                    assertThat(c.exchange("c2")).isEqualTo("Message received");
                    assertThat(server.out.awaitLine("b'c2'")).isEqualTo("Received b'c2' from"
                            + " client socket ('127.0.0.1', " + c.localPort() + "): ");
                }
            }
        }
    }

    @Test
    void endClosesThatClientOnlyAndTheServerKeepsServingOthers() {
        try (Running server = start(options()); Peer a = Peer.connect(server.port())) {
            a.exchange("hello");
            try (Peer b = Peer.connect(server.port())) {
                b.exchange("hello");
                assertThat(a.exchange("end")).isEqualTo("Message received");
                a.awaitClosedByServer();
                assertThat(b.exchange("still there")).isEqualTo("Message received");
                assertThat(b.exchange("end")).isEqualTo("Message received");
                b.awaitClosedByServer();
            }
            try (Peer late = Peer.connect(server.port())) {
                assertThat(late.exchange("hello")).isEqualTo("Message received");
            }
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void clientsThatDisconnectOrResetDoNotDisturbTheOthers() {
        try (Running server = start(options()); Peer survivor = Peer.connect(server.port())) {
            survivor.exchange("hello");
            Peer leaver = Peer.connect(server.port());
            leaver.exchange("hello");
            leaver.close();
            server.out.awaitLine("(" + "'127.0.0.1', " + leaver.localPort() + ") closed");
            Peer resetter = Peer.connect(server.port());
            resetter.exchange("hello");
            resetter.reset();
            server.out.awaitLine("(" + "'127.0.0.1', " + resetter.localPort() + ") ");
            assertThat(survivor.exchange("still served")).isEqualTo("Message received");
            assertThat(server.err.text()).isEmpty();
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAnsweredAndPrintedEscaped() {
        try (Running server = start(options()); Peer client = Peer.connect(server.port())) {
            client.send(new byte[] {(byte) 0x80, 'a'});
            assertThat(client.receive()).isEqualTo("Message received");
            server.out.awaitLine("Received b'\\x80a'");
        }
    }

    @Test
    void printsItsStartupLineAndEachConnection() {
        try (Running server = start(options()); Peer client = Peer.connect(server.port())) {
            client.exchange("hello");
            assertThat(server.out.lines().get(0))
                    .isEqualTo("The server now listens on the port " + server.port());
            assertThat(server.out.awaitLine("connected")).isEqualTo("The server is now connected"
                    + " to the client socket ('127.0.0.1', " + client.localPort() + ") using the"
                    + " server socket ('127.0.0.1', " + server.port() + ")");
        }
    }

    @Test
    void aPortInUseIsOneLineAndStatusOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Running server = start(options().withPort(taken.getLocalPort()));
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.FAILURE);
            assertThat(server.err.lines()).singleElement().asString().isEqualTo(command()
                    + ": the TCP port " + taken.getLocalPort()
                    + " is already in use (Address already in use)");
        }
    }

    @Test
    void defectNeverAnswersReadsAndPrintsButSendsNothing() {
        try (Running server = start(options().withDefect(Defect.NEVER_ANSWERS));
                Peer client = Peer.connect(server.port())) {
            client.send("hello");
            server.out.awaitLine("Received b'hello'");
            client.assertSilentFor(SILENCE);
        }
    }

    @Test
    void defectWrongAnswerAnswersTheMisspeltText() {
        try (Running server = start(options().withDefect(Defect.WRONG_ANSWER));
                Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("hello")).isEqualTo("Message recieved");
        }
    }

    @Test
    void defectIgnoresEndKeepsTheConnectionOpenAfterEnd() {
        try (Running server = start(options().withDefect(Defect.IGNORES_END));
                Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("end")).isEqualTo("Message received");
            client.assertSilentFor(SILENCE);
            assertThat(client.exchange("after end")).isEqualTo("Message received");
        }
    }
}
