package org.sockspec.impl.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.tcp.TcpClient;
import org.sockspec.impl.testing.DatagramPeer;
import org.sockspec.impl.testing.Keyboard;
import org.sockspec.impl.testing.Running;

class UdpClientTest {

    private static Options options(int port) {
        return Options.defaults(Command.CLIENT_UDP).withPort(port).withArguments("127.0.0.1");
    }

    /** Plays the server: answers each datagram with {@code answer}, to its sender. */
    private static void answer(DatagramPeer server, String expected, String answer) {
        DatagramPeer.Datagram request = server.receive();
        assertThat(request.text()).isEqualTo(expected);
        server.sendTo(request.sender(), answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void sendsEachLinePrintsTheAnswerAndItsSenderUntilEnd() {
        try (DatagramPeer server = new DatagramPeer()) {
            Keyboard keyboard = new Keyboard().type("hello").type("end");
            Running client = Running.start(new UdpClient(options(server.port())), keyboard);
            answer(server, "hello", "Message received");
            answer(server, "end", "Message received");
            assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
            assertThat(client.out.lines()).containsExactly(
                    "UDP Socket established between client socket ('0.0.0.0', 0) <--> server"
                            + " socket (127.0.0.1, " + server.port() + ")",
                    "> Server127.0.0.1 tells you b'Message received'",
                    "> Server127.0.0.1 tells you b'Message received'",
                    "Closing the UDP Socket");
        }
    }

    @Test
    void withNoServerItSendsWithoutErrorAndKeepsWaitingForTheAnswer() {
        try (DatagramPeer silentServer = new DatagramPeer()) {
            Keyboard keyboard = new Keyboard().type("hello");
            try (Running client =
                    Running.start(new UdpClient(options(silentServer.port())), keyboard)) {
                assertThat(silentServer.receive().text()).isEqualTo("hello"); // it was sent
                assertThat(silentServer.receiveWithin(Duration.ofMillis(300))).isEmpty();
                assertThat(client.isRunning()).isTrue();
                assertThat(client.err.text()).isEmpty();
            }
        }
    }

    @Test
    void theEndOfInputEndsTheClientCleanly() {
        Keyboard keyboard = new Keyboard();
        keyboard.close();
        Running client = Running.start(new UdpClient(options(9)), keyboard);
        assertThat(client.awaitExit()).isEqualTo(ExitStatus.OK);
        assertThat(client.out.lines()).endsWith("> ", "Closing the UDP Socket");
    }

    @Test
    void withoutItsHostItPrintsTheUsageLineAndExitsTwo() {
        Running client = Running.start(new UdpClient(Options.defaults(Command.CLIENT_UDP)));
        assertThat(client.awaitExit()).isEqualTo(ExitStatus.USAGE);
        assertThat(client.out.lines()).containsExactly(TcpClient.USAGE);
    }

    @Test
    void defectNoUsageCheckCrashesOnTheMissingHost() {
        Options options = Options.defaults(Command.CLIENT_UDP).withDefect(Defect.NO_USAGE_CHECK);
        Running client = Running.start(new UdpClient(options));
        assertThat(client.awaitCrash()).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
