package org.sockspec.impl.fork;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.sockspec.impl.Defect;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.Options;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;
import org.sockspec.impl.common.Endpoints;
import org.sockspec.impl.common.ReportedFailure;
import org.sockspec.impl.multi.ThreadsServer;
import org.sockspec.impl.tcp.ServerLines;

/**
 * {@code srv_tcp_fork}: multi-client TCP server, process style. Each connected client is served by
 * its own OS process, so {@code lsof -i :12800} shows a distinct PID on each ESTABLISHED socket,
 * and one LISTEN socket on the port all along (lab question 3.2).
 *
 * <p>Java cannot fork, so this process is a supervisor that owns no socket: it keeps exactly one
 * worker JVM ({@link ForkWorker}) listening with {@code SO_REUSEPORT}, plus a pre-started spare.
 * When the listening worker accepts a client, the spare is told to listen on the same port; once
 * it does, the old worker closes its listener and serves its client, and a new spare starts
 * ({@link HandoverCoordinator}). Workers are started with this JVM's {@code java} and the jar this
 * class was loaded from; the JDK reaps each worker as it exits (no zombies, except with
 * {@link Defect#ZOMBIES}). The supervisor runs until killed (SIGTERM: it ends its workers too).
 *
 * <p><b>Needs {@code net.ipv4.tcp_migrate_req=1}</b> in its network namespace for clients that
 * arrive together: connections queued on a worker's listener when it closes are then moved to the
 * successor's listener; with the default 0 the kernel resets them. Clients that arrive one after
 * another (the next connects after the previous had an answer) do not depend on it. The kit sets
 * the sysctl in every target namespace.
 */
public final class ForkServer implements Program {

    /** Idle workers kept started, besides the listening one (a JVM starts in ~50-300 ms). */
    static final int SPARES = 1;

    private final Options options;

    public ForkServer(Options options) {
        this.options = options;
    }

    @Override
    public int run(Stdio stdio) {
        if (options.plants(Defect.ONE_PROCESS)) {
            return new ThreadsServer(options).run(stdio);
        }
        try {
            ensureNoListener(options.port());
        } catch (ReportedFailure failure) {
            return failure.report(options.command(), stdio.err());
        }
        HandoverCoordinator coordinator = new HandoverCoordinator(
                new ProcessLauncher(options, stdio.out(), stdio.err()), SPARES, options.port(),
                new ServerLines(stdio.out()), stdio.err());
        Thread stopOnSigterm = new Thread(coordinator::stopAll, "srv_tcp_fork-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSigterm);
        try {
            coordinator.start();
            return coordinator.awaitFailure();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return ExitStatus.OK;
        } finally {
            coordinator.stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSigterm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    /**
     * Fails if a socket already listens on {@code port}. Workers bind with {@code SO_REUSEPORT},
     * which would let them share the port with another server of this user (another
     * {@code srv_tcp_fork}) instead of failing as every other server does; a plain bind (without
     * listening, so no client can be caught by it) tells.
     */
    private static void ensureNoListener(int port) throws ReportedFailure {
        if (port == 0) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.INET)) {
            probe.setOption(StandardSocketOptions.SO_REUSEADDR, true); // TIME_WAIT is no obstacle
            probe.bind(Endpoints.anyIpv4(port));
        } catch (IOException e) {
            throw Endpoints.bindFailure("TCP", port, e);
        }
    }
}
