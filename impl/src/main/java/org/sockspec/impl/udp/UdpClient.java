package org.sockspec.impl.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.Framer;
import org.sockspec.impl.common.Prompt;
import org.sockspec.impl.common.PythonRepr;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.common.ReportedFailure;
import org.sockspec.impl.tcp.TcpClient;

/**
 * {@code client_udp HOST}: the handout's UDP client. An unconnected socket; reads a line at the
 * {@code > } prompt, {@code sendto} HOST port 12800, {@code recvfrom(1024)}, prints the answer and
 * who sent it, until it has sent {@code end} (exit 0) or its input ends (exit 0). Under another
 * lab's protocol: lines sent with their newline, no wait for an answer the lab's server does not
 * give, its end word (or none).
 *
 * <p>With no server, sending succeeds and the answer never comes: the client waits, as the
 * handout's does (lab question 2.3a); an unconnected socket gets no "port unreachable" error.
 */
public final class UdpClient implements Program {

    /** The handout's {@code recvfrom(1024)}. */
    static final int RECEIVE_SIZE = 1024;

    private final Options options;

    public UdpClient(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        if (!options.plants(Defect.NO_USAGE_CHECK) && options.arguments().size() != 1) {
            stdio.out().println(TcpClient.USAGE);
            return ExitStatus.USAGE;
        }
        String host = options.arguments().get(0); // without the check: Python's IndexError
        try (DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET)) {
            InetSocketAddress server =
                    new InetSocketAddress(Endpoints.resolveIpv4(host), options.port());
            // Python prints getsockname() of the socket before its first sendto: not bound yet.
            stdio.out().println("UDP Socket established between client socket "
                    + PythonRepr.address(Endpoints.anyIpv4(0)) + " <--> server socket (" + host
                    + ", " + options.port() + ")");
            Prompt prompt = new Prompt(stdio.in(), stdio.out());
            ReplyPolicy protocol = ReplyPolicy.of(options);
            Framer framer = protocol.datagramFramer();
            ByteBuffer answer = ByteBuffer.allocate(RECEIVE_SIZE);
            while (true) {
                Optional<String> line = prompt.next();
                if (line.isEmpty()) {
                    break;
                }
                byte[] message = line.get().getBytes(StandardCharsets.UTF_8);
                socket.send(ByteBuffer.wrap(Framer.frame(message, protocol.byLines())), server);
                if (protocol.answers(message) && options.plants(Defect.PRINTS_UNREAD)) {
                    stdio.out().println("Server" + server.getAddress().getHostAddress() + " tells you "
                            + PythonRepr.bytes(protocol.ruleAnswer(message).orElseThrow()));
                } else if (protocol.answers(message)) {
                    answer.clear();
                    InetSocketAddress sender = (InetSocketAddress) socket.receive(answer);
                    byte[] got = framer.messages(Arrays.copyOf(answer.array(), answer.position())).get(0);
                    // sic: the handout's "Server{0} tells you {1}" has no space after "Server"
                    stdio.out().println("Server" + sender.getAddress().getHostAddress() + " tells you "
                            + PythonRepr.bytes(got));
                }
                if (protocol.ends(message)) {
                    break;
                }
            }
            stdio.out().println("Closing the UDP Socket");
            return ExitStatus.OK;
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        } catch (IOException e) {
            return new ReportedFailure("the UDP socket failed: " + e.getMessage())
                    .report(options.command(), stdio.err());
        }
    }
}
