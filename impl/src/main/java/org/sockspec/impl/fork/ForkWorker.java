package org.sockspec.impl.fork;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.sockspec.impl.Command;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.OptionsParser;
import org.sockspec.impl.UsageException;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.PythonRepr;
import org.sockspec.impl.common.ReplyPolicy;
import org.sockspec.impl.tcp.Conversation;
import org.sockspec.impl.tcp.ServerLines;

/**
 * The main class of a {@link ForkServer} worker process (not a sub-command: the supervisor starts
 * it). It plays one forked child of the handout's {@code srv_tcp_fork.py}: accepts ONE client,
 * serves it, exits.
 *
 * <p>Life: report {@code ready PID}; wait for {@code listen PORT}; listen with
 * {@code SO_REUSEPORT} (the previous holder still listens on the same port); report
 * {@code listening}; accept one client, report {@code accepted}; wait for {@code close} (a
 * successor listens), close the listener, serve the client, exit 0. The end of stdin at any point
 * means the supervisor is gone: stop listening, finish the client if there is one.
 */
public final class ForkWorker {

    /** Larger than the handout's {@code listen(1)}: clients arriving together all get in. */
    static final int BACKLOG = 50;

    private final Options options;

    ForkWorker(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        int status;
        try {
            status = new ForkWorker(OptionsParser.parse(Command.SRV_TCP_FORK, Arrays.asList(args)))
                    .run(System.in, out);
        } catch (UsageException e) {
            out.println(ControlProtocol.failed("worker: " + e.getMessage()));
            status = ExitStatus.USAGE;
        }
        System.exit(status);
    }

    /** Whether {@code defect} is planted in the workers (the others are the supervisor's). */
    static boolean handles(Defect defect) {
        return defect == Defect.NEVER_ANSWERS || defect == Defect.WRONG_ANSWER
                || defect == Defect.IGNORES_END || defect == Defect.ANSWERS_PER_READ;
    }

    int run(InputStream orderStream, PrintStream out) {
        BufferedReader orders = new BufferedReader(
                new InputStreamReader(orderStream, StandardCharsets.UTF_8));
        out.println(ControlProtocol.ready(ProcessHandle.current().pid()));
        Optional<Integer> port = ControlProtocol.listenPort(readOrder(orders));
        if (port.isEmpty()) {
            return ExitStatus.OK; // the supervisor ended before it needed this worker
        }
        ServerSocketChannel listener;
        try {
            listener = listen(port.get());
        } catch (IOException e) {
            out.println(ControlProtocol.failed(
                    Endpoints.bindFailure("TCP", port.get(), e).getMessage()));
            return ExitStatus.FAILURE;
        }
        try (listener) {
            out.println(ControlProtocol.listening(Endpoints.localAddress(listener).getPort()));
            CountDownLatch released = awaitRelease(orders, listener);
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (IOException closedBeforeAnyClient) {
                return ExitStatus.OK; // released with no client: the server is stopping
            }
            serve(client, released, out);
            return ExitStatus.OK;
        } catch (IOException e) {
            return ExitStatus.FAILURE; // the listener failed: this worker's exit says it
        }
    }

    private void serve(SocketChannel client, CountDownLatch released, PrintStream out)
            throws IOException {
        try (client) {
            InetSocketAddress address = (InetSocketAddress) client.getRemoteAddress();
            out.println(ControlProtocol.accepted(PythonRepr.address(address)));
            ServerLines lines = new ServerLines(out);
            lines.connected(address, Endpoints.localAddress(client));
            // Serve only once a successor listens and our listener is closed: then a client
            // that has had its answer knows the next connection meets another process.
            released.await();
            new Conversation(client, address, ReplyPolicy.of(options), lines).serve();
            lines.closing();
        } catch (InterruptedException | AsynchronousCloseException stopping) {
            // the worker is being ended: nothing to report
        }
    }

    private static ServerSocketChannel listen(int port) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            listener.bind(Endpoints.anyIpv4(port), BACKLOG);
            return listener;
        } catch (IOException e) {
            listener.close();
            throw e;
        }
    }

    /** Starts the thread that closes the listener at the {@code close} order or end of input. */
    private static CountDownLatch awaitRelease(BufferedReader orders, ServerSocketChannel listener) {
        CountDownLatch released = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            for (String order = readOrder(orders); order != null; order = readOrder(orders)) {
                if (order.equals(ControlProtocol.CLOSE)) {
                    break;
                }
            }
            try {
                listener.close();
            } catch (IOException alreadyClosed) {
                // released either way
            }
            released.countDown();
        }, "orders");
        reader.setDaemon(true);
        reader.start();
        return released;
    }

    private static String readOrder(BufferedReader orders) {
        try {
            return orders.readLine();
        } catch (IOException unreadable) {
            return null; // as the end of input: the supervisor is gone
        }
    }
}
