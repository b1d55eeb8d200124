package org.sockspec.impl.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.LabProtocol;
import org.sockspec.impl.Options;
import org.sockspec.impl.common.AnswerRule;
import org.sockspec.impl.testing.Peer;
import org.sockspec.impl.testing.Running;

class TcpServerTest {

    private static final Duration SILENCE = Duration.ofMillis(300);
    private static final Options OPTIONS = Options.defaults(Command.SRV_TCP).withPort(0);

    private static Running start(Options options) {
        return Running.start(new TcpServer(options));
    }

    @Test
    void answersEachMessageAndPrintsWhatAndFromWhom() {
        try (Running server = start(OPTIONS); Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("hello")).isEqualTo("Message received");
            assertThat(server.out.awaitLine("Received b'hello'")).isEqualTo(
                    "Received b'hello' from client socket ('127.0.0.1', " + client.localPort()
                            + "): ");
            assertThat(server.out.lines()).startsWith(
                    "The server now listens on the port " + server.port(),
                    "The server is now connected to the client socket ('127.0.0.1', "
                            + client.localPort() + ") using the server socket ('127.0.0.1', "
                            + server.port() + ")");
        }
    }

    @Test
    void afterEndItAnswersClosesTheConnectionAndExitsZero() {
        try (Running server = start(OPTIONS); Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("end")).isEqualTo("Message received");
            client.awaitClosedByServer();
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(server.out.lines()).endsWith("Closing the connection");
        }
    }

    @Test
    void aSecondClientConnectsButIsNotAnsweredWhileTheFirstIsServed() {
        try (Running server = start(OPTIONS); Peer first = Peer.connect(server.port());
                Peer second = Peer.connect(server.port())) {
            assertThat(first.exchange("one")).isEqualTo("Message received");
            second.send("two");
            second.assertSilentFor(SILENCE);
            assertThat(first.exchange("still served")).isEqualTo("Message received");
            assertThat(server.out.text()).doesNotContain("b'two'");
        }
    }

    @Test
    void aCustomAnswerIsSent() {
        try (Running server = start(OPTIONS.withAnswer("OK"));
                Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("hello")).isEqualTo("OK");
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAnsweredAndPrintedEscaped() {
        try (Running server = start(OPTIONS); Peer client = Peer.connect(server.port())) {
            client.send(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
            assertThat(client.receive()).isEqualTo("Message received");
            server.out.awaitLine("Received b'\\xff\\xfex'");
        }
    }

    @Test
    void aClientThatDisconnectsWithoutEndEndsTheSessionWithStatusZero() {
        try (Running server = start(OPTIONS)) {
            Peer client = Peer.connect(server.port());
            client.exchange("bye");
            client.close();
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(server.out.lines()).contains("The client socket ('127.0.0.1', "
                    + client.localPort() + ") closed the connection");
            assertThat(server.err.text()).isEmpty();
        }
    }

    @Test
    void aClientThatResetsEndsTheSessionWithoutAStackTrace() {
        try (Running server = start(OPTIONS)) {
            Peer client = Peer.connect(server.port());
            client.exchange("hello");
            client.reset();
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(server.out.text()).contains("reset the connection");
            assertThat(server.err.text()).isEmpty();
        }
    }

    @Test
    void aPortInUseIsOneLineAndStatusOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Running server = start(OPTIONS.withPort(taken.getLocalPort()));
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.FAILURE);
            assertThat(server.err.lines()).singleElement().asString()
                    .startsWith("srv_tcp: the TCP port " + taken.getLocalPort() + " is already in use");
            assertThat(server.out.lines()).isEmpty();
        }
    }

    @Test
    void defectNeverAnswersReadsAndPrintsButSendsNothing() {
        try (Running server = start(OPTIONS.withDefect(Defect.NEVER_ANSWERS));
                Peer client = Peer.connect(server.port())) {
            client.send("hello");
            server.out.awaitLine("Received b'hello'"); // it read the message: an answer is due
            client.assertSilentFor(SILENCE);
        }
    }

    @Test
    void defectWrongAnswerAnswersTheMisspeltText() {
        try (Running server = start(OPTIONS.withDefect(Defect.WRONG_ANSWER));
                Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("hello")).isEqualTo("Message recieved");
        }
    }

    @Test
    void defectIgnoresEndKeepsTheConnectionOpenAfterEnd() {
        try (Running server = start(OPTIONS.withDefect(Defect.IGNORES_END));
                Peer client = Peer.connect(server.port())) {
            assertThat(client.exchange("end")).isEqualTo("Message received");
            client.assertSilentFor(SILENCE); // no EOF: the connection stays open
            assertThat(client.exchange("after end")).isEqualTo("Message received");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void underAnotherLabsProtocolItGreetsAnswersLinesAndServesClientsOneAfterAnother() {
        LabProtocol lab = LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("echo")).withLines(true)
                .withEnd(Optional.empty()).withAfterEnd(Optional.of("close")).withGreeting(Optional.of("Welcome"));
        try (Running server = start(OPTIONS.withProtocol(lab))) {
            for (String who : new String[] {"first", "second"}) {
                try (Peer client = Peer.connect(server.port())) {
                    assertThat(client.receive()).isEqualTo("Welcome\n");
                    // two lines in one send, and one line in two: answered once a line
                    client.send("a " + who + "\nb");
                    assertThat(client.receive()).isEqualTo("a " + who + "\n");
                    client.send("\n");
                    assertThat(client.receive()).isEqualTo("b\n");
                }
            }
            assertThat(server.isRunning()).isTrue();
        }
    }
}
