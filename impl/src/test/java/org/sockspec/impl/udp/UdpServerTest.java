package org.sockspec.impl.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.LabProtocol;
import org.sockspec.impl.Options;
import org.sockspec.impl.common.AnswerRule;
import org.sockspec.impl.testing.DatagramPeer;
import org.sockspec.impl.testing.Running;

class UdpServerTest {

    /** The long text of lab question 2.4, and what a 50-byte buffer keeps of it. */
    static final String LONG_TEXT = "Sometimes an application on a network needs to send messages"
            + " to a specific application or process on another network.";
    static final String FIRST_50_BYTES = "Sometimes an application on a network needs to sen";

    private static final Duration SILENCE = Duration.ofMillis(300);
    private static final Options OPTIONS = Options.defaults(Command.SRV_UDP).withPort(0);

    private static Running start(Options options) {
        return Running.start(new UdpServer(options));
    }

    @Test
    void answersToTheSendersAddressAndPortAndPrintsWhatAndFromWhichHost() {
        try (Running server = start(OPTIONS); DatagramPeer client = new DatagramPeer()) {
            client.sendTo(server.port(), "hello");
            DatagramPeer.Datagram answer = client.receive();
            assertThat(answer.text()).isEqualTo("Message received");
            assertThat(answer.sender().getPort()).isEqualTo(server.port());
            assertThat(server.out.awaitLine("Received"))
                    .isEqualTo("Received b'hello' from client socket 127.0.0.1: ");
            assertThat(server.out.lines().get(0))
                    .isEqualTo("The server now bound on the port " + server.port());
        }
    }

    @Test
    void severalClientsAreAllAnswered() {
        try (Running server = start(OPTIONS); DatagramPeer a = new DatagramPeer();
                DatagramPeer b = new DatagramPeer(); DatagramPeer c = new DatagramPeer()) {
            for (DatagramPeer client : new DatagramPeer[] {a, b, c}) {
                assertThat(client.exchange(server.port(), "hi")).isEqualTo("Message received");
            }
        }
    }

    @Test
    void aLongDatagramIsCutToItsFirstFiftyBytes() {
        try (Running server = start(OPTIONS); DatagramPeer client = new DatagramPeer()) {
            assertThat(client.exchange(server.port(), LONG_TEXT)).isEqualTo("Message received");
            assertThat(server.out.awaitLine("Received"))
                    .isEqualTo("Received b'" + FIRST_50_BYTES + "' from client socket 127.0.0.1: ");
        }
    }

    @Test
    void afterEndItAnswersAndExitsZero() {
        try (Running server = start(OPTIONS); DatagramPeer client = new DatagramPeer()) {
            assertThat(client.exchange(server.port(), "end")).isEqualTo("Message received");
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(server.out.lines()).endsWith("Closing the UDP socket");
        }
    }

    @Test
    void emptyAndNonUtf8DatagramsAreAnsweredAndPrintedEscaped() {
        try (Running server = start(OPTIONS); DatagramPeer client = new DatagramPeer()) {
            InetSocketAddress target =
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            client.sendTo(target, new byte[0]);
            assertThat(client.receive().text()).isEqualTo("Message received");
            client.sendTo(target, new byte[] {(byte) 0xc3, 0x28});
            assertThat(client.receive().text()).isEqualTo("Message received");
            server.out.awaitLine("Received b'\\xc3('");
            assertThat(server.out.lines()).contains("Received b'' from client socket 127.0.0.1: ");
        }
    }

    @Test
    void aPortInUseIsOneLineAndStatusOne() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0)) {
            Running server = start(OPTIONS.withPort(taken.getLocalPort()));
            assertThat(server.awaitExit()).isEqualTo(ExitStatus.FAILURE);
            assertThat(server.err.lines()).singleElement().asString()
                    .startsWith("srv_udp: the UDP port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void defectNoTruncationReceivesTheLongTextWhole() {
        try (Running server = start(OPTIONS.withDefect(Defect.NO_TRUNCATION));
                DatagramPeer client = new DatagramPeer()) {
            client.exchange(server.port(), LONG_TEXT);
            assertThat(server.out.awaitLine("Received")).contains("b'" + LONG_TEXT + "'");
        }
    }

    @Test
    void defectAnswersWrongPortSendsTheAnswerToTheNextPort() {
        DatagramPeer[] pair = clientAndNextPort();
        try (Running server = start(OPTIONS.withDefect(Defect.ANSWERS_WRONG_PORT));
                DatagramPeer client = pair[0]; DatagramPeer nextPort = pair[1]) {
            client.sendTo(server.port(), "hello");
            assertThat(nextPort.receive().text()).isEqualTo("Message received");
            assertThat(client.receiveWithin(SILENCE)).isEmpty();
        }
    }

    /** A client socket and one bound on the port next to it (retried if that one is taken). */
    private static DatagramPeer[] clientAndNextPort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramPeer client = new DatagramPeer();
            try {
                return new DatagramPeer[] {client,
                        new DatagramPeer(UdpServer.wrongPort(client.port()))};
            } catch (AssertionError nextPortTaken) {
                client.close();
            }
        }
        throw new AssertionError("no two adjacent free UDP ports in 20 attempts");
    }

    @Test
    void defectNeverAnswersPrintsButSendsNothing() {
        try (Running server = start(OPTIONS.withDefect(Defect.NEVER_ANSWERS));
                DatagramPeer client = new DatagramPeer()) {
            client.sendTo(server.port(), "hello");
            server.out.awaitLine("Received b'hello'");
            assertThat(client.receiveWithin(SILENCE)).isEmpty();
        }
    }

    @Test
    void defectWrongAnswerAnswersTheMisspeltText() {
        try (Running server = start(OPTIONS.withDefect(Defect.WRONG_ANSWER));
                DatagramPeer client = new DatagramPeer()) {
            assertThat(client.exchange(server.port(), "hello")).isEqualTo("Message recieved");
        }
    }

    @Test
    void defectIgnoresEndKeepsServingAfterEnd() {
        try (Running server = start(OPTIONS.withDefect(Defect.IGNORES_END));
                DatagramPeer client = new DatagramPeer()) {
            assertThat(client.exchange(server.port(), "end")).isEqualTo("Message received");
            assertThat(client.exchange(server.port(), "after end")).isEqualTo("Message received");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void anotherLabsProtocolSetsItsBufferRuleFramingAndEnd() {
        LabProtocol upperLines = LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("upper")).withLines(true)
                .withUdpBuffer(20).withEnd(Optional.of("quit")).withAfterEnd(Optional.of("close"));
        try (Running server = start(OPTIONS.withProtocol(upperLines)); DatagramPeer client = new DatagramPeer()) {
            assertThat(client.exchange(server.port(), "hello\n")).isEqualTo("HELLO\n");
            // 20 bytes read, no newline among them: the message is those 20 bytes, upper-cased
            assertThat(client.exchange(server.port(), LONG_TEXT + "\n")).isEqualTo("SOMETIMES AN APPLICA\n");
            assertThat(client.exchange(server.port(), "quit\n")).isEqualTo("QUIT\n");
            assertThat(client.exchange(server.port(), "still here\n")).isEqualTo("STILL HERE\n");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void aBufferOfZeroCutsNothingAndEndNoneNeverStops() {
        try (Running server = start(OPTIONS.withProtocol(LabProtocol.HANDOUT.withAnswer(AnswerRule.parse("echo"))
                .withUdpBuffer(0).withEnd(Optional.empty()))); DatagramPeer client = new DatagramPeer()) {
            String big = "x".repeat(9000);
            assertThat(client.exchange(server.port(), big)).isEqualTo(big);
            assertThat(client.exchange(server.port(), "end")).isEqualTo("end");
            assertThat(client.exchange(server.port(), "more")).isEqualTo("more");
        }
    }
}
