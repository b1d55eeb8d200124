package org.sockspec.impl.udp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.Framer;
import org.sockspec.impl.common.PythonRepr;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;

/**
 * {@code srv_udp}: the handout's UDP server. One socket bound to {@code ('', 12800)}; loops
 * {@code recvfrom(50)}, answers to the sender's address and port, prints what it received; stops
 * after an {@code end} datagram (exit 0). Under another lab's protocol: its buffer, its answer rule,
 * its end word (none: it serves until stopped), a trailing newline taken off a line-framed datagram,
 * and with {@code --after-end close} it goes on serving after the end word.
 *
 * <p>The 50-byte buffer is the point of lab question 2.4: a longer datagram is cut to its first 50
 * bytes and the rest is discarded (a {@link DatagramChannel} receiving into a 50-byte buffer does
 * exactly what Python's {@code recvfrom(50)} does).
 */
public final class UdpServer implements Program {

    /** The buffer of a lab with no truncation behaviour, and of {@link Defect#NO_TRUNCATION}: any datagram fits. */
    static final int UNTRUNCATED_SIZE = 65_535;

    private final Options options;

    public UdpServer(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        ReplyPolicy replies = ReplyPolicy.of(options);
        int buffered = options.protocol().udpBuffer();
        int size = options.plants(Defect.NO_TRUNCATION) || buffered == 0 ? UNTRUNCATED_SIZE : buffered;
        boolean goesOn = options.protocol().afterEnd().filter("close"::equals).isPresent();
        Framer framer = replies.datagramFramer();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        PrintStream out = stdio.out();
        try (DatagramChannel socket = Endpoints.bindUdp(options.port())) {
            out.println("The server now bound on the port "
                    + Endpoints.localAddress(socket).getPort());
            while (true) {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) socket.receive(buffer);
                byte[] data = framer.messages(Arrays.copyOf(buffer.array(), buffer.position())).get(0);
                answer(socket, replies.answerTo(data), sender, stdio.err());
                // sic: the handout prints the sender's host only, and a trailing ": "
                out.println("Received " + PythonRepr.bytes(data) + " from client socket "
                        + sender.getAddress().getHostAddress() + ": ");
                if (replies.ends(data) && !goesOn) {
                    break;
                }
            }
            out.println("Closing the UDP socket");
            return ExitStatus.OK;
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (AsynchronousCloseException stopped) {
            return ExitStatus.OK;
        } catch (IOException e) {
            return new ReportedFailure("the UDP socket failed: " + e.getMessage())
                    .report(options.command(), stdio.err());
        }
    }

    private void answer(DatagramChannel socket, Optional<byte[]> answer, InetSocketAddress sender,
            PrintStream err) throws AsynchronousCloseException {
        if (answer.isEmpty()) {
            return;
        }
        InetSocketAddress target = options.plants(Defect.ANSWERS_WRONG_PORT)
                ? new InetSocketAddress(sender.getAddress(), wrongPort(sender.getPort()))
                : sender;
        try {
            socket.send(ByteBuffer.wrap(answer.get()), target);
        } catch (AsynchronousCloseException stopping) {
            throw stopping;
        } catch (IOException unsent) {
            // One lost answer must not stop a server that serves many senders.
            err.println(options.command().cliName() + ": cannot answer "
                    + PythonRepr.address(target) + ": " + unsent.getMessage());
        }
    }

    /** The port {@link Defect#ANSWERS_WRONG_PORT} answers to: next to the right one. */
    static int wrongPort(int port) {
        return port == 65535 ? port - 1 : port + 1;
    }
}
