package org.sockspec.impl.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.LabProtocol;
import org.sockspec.impl.Options;
import org.sockspec.impl.common.AnswerRule;
import org.sockspec.impl.testing.Keyboard;
import org.sockspec.impl.testing.Running;

class TcpClientTest {

    private static Options options(int port) {
        return Options.defaults(Command.CLIENT_TCP).withPort(port).withArguments("127.0.0.1");
    }

    /** A port with nothing listening: bound to find a free one, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test
    void sendsEachLineAndPrintsTheAnswerUntilEnd() throws IOException {
        try (ScriptedTcpServer server = new ScriptedTcpServer("Message received", "Bye")) {
            Keyboard keyboard = new Keyboard().type("hello").type("end");
            Running client = Running.start(new TcpClient(options(server.port())), keyboard);
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(server.received()).containsExactly("hello", "end");
            assertThat(client.out.lines()).hasSize(4);
            assertThat(client.out.lines().get(0)).matches("TCP Socket established between client"
                    + " socket \\('127\\.0\\.0\\.1', \\d+\\) <--> server socket \\(127\\.0\\.0\\.1, "
                    + server.port() + "\\)");
            assertThat(client.out.lines()).endsWith("> Server tells you b'Message received'",
                    "> Server tells you b'Bye'", "Closing the TCP Socket");
        }
    }

    @Test
    void theEndOfInputEndsTheClientCleanly() throws IOException {
        try (ScriptedTcpServer server = new ScriptedTcpServer("Message received")) {
            Keyboard keyboard = new Keyboard().type("hello");
            Running client = Running.start(new TcpClient(options(server.port())), keyboard);
            client.out.awaitLine("Server tells you");
            keyboard.close();
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(client.out.lines()).endsWith("> ", "Closing the TCP Socket");
            assertThat(client.err.text()).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsOnePlainLineAndStatusOne() throws IOException {
        int port = closedPort();
        Running client = Running.start(new TcpClient(options(port)), new Keyboard());
        assertThat(client.awaitExit()).isEqualTo(ExitStatus.FAILURE);
        assertThat(client.err.lines()).containsExactly(
                "client_tcp: Connection refused: nothing listens on 127.0.0.1 port " + port);
        assertThat(client.out.text()).isEmpty();
    }

    @Test
    void aServerThatGoesAwaySaysSoPlainlyWithStatusOne() throws IOException {
        try (ScriptedTcpServer server = new ScriptedTcpServer("Message received")) {
            Keyboard keyboard = new Keyboard().type("hello").type("anyone there?");
            Running client = Running.start(new TcpClient(options(server.port())), keyboard);
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.FAILURE);
            assertThat(client.err.lines()).singleElement().asString()
                    .startsWith("client_tcp: ").contains("the server closed the connection");
        }
    }

    @Test
    void withoutExactlyOneHostItPrintsTheUsageLineAndExitsTwo() {
        Options none = Options.defaults(Command.CLIENT_TCP);
        for (Options options : new Options[] {none, none.withArguments("a", "b")}) {
            Running client = Running.start(new TcpClient(options));
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.USAGE);
            assertThat(client.out.lines()).containsExactly(TcpClient.USAGE);
        }
    }

    @Test
    void defectNoUsageCheckCrashesOnTheMissingHost() {
        Options options = Options.defaults(Command.CLIENT_TCP).withDefect(Defect.NO_USAGE_CHECK);
        Running client = Running.start(new TcpClient(options));
        assertThat(client.awaitCrash()).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(client.out.text()).isEmpty();
    }

    @Test
    void defectSwallowsRefusedSaysNothingAndExitsZero() throws IOException {
        Options options = options(closedPort()).withDefect(Defect.SWALLOWS_REFUSED);
        Running client = Running.start(new TcpClient(options), new Keyboard());
        assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
        assertThat(client.out.text()).isEmpty();
        assertThat(client.err.text()).isEmpty();
    }

    @Test
    void underALineProtocolItTalksToTheReferenceServerAndEndsOnTheLabsWord() {
        LabProtocol lab = LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("upper")).withLines(true)
                .withEnd(Optional.of("quit")).withGreeting(Optional.of("Hi"));
        try (Running server = Running.start(new TcpServer(Options.defaults(Command.SRV_TCP).withPort(0)
                .withProtocol(lab)))) {
            Keyboard keyboard = new Keyboard().type("hello").type("quit");
            Running client = Running.start(new TcpClient(options(server.port()).withProtocol(lab)), keyboard);
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(client.out.lines()).contains("Server tells you b'Hi'")
                    .endsWith("> Server tells you b'HELLO'", "> Server tells you b'QUIT'", "Closing the TCP Socket");
            assertThat(server.out.awaitLine("Received b'quit'")).isNotEmpty();
        }
    }

    @Test
    void whenTheLabsServerAnswersNothingItSendsWithoutWaiting() throws IOException {
        LabProtocol silent = LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("none")).withLines(true)
                .withEnd(Optional.empty());
        try (Running server = Running.start(new TcpServer(Options.defaults(Command.SRV_TCP).withPort(0)
                .withProtocol(silent)))) {
            Keyboard keyboard = new Keyboard().type("one").type("two");
            Running client = Running.start(new TcpClient(options(server.port()).withProtocol(silent)), keyboard);
            server.out.awaitLine("Received b'two'");
            keyboard.close();
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(client.out.text()).doesNotContain("tells you");
        }
    }
}
