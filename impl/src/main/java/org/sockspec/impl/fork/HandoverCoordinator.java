package org.sockspec.impl.fork;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sockspec.impl.Command;
import org.sockspec.impl.ExitStatus;
import org.sockspec.impl.tcp.ServerLines;

/**
 * Keeps exactly one worker holding the listening socket and hands it over, client after client.
 *
 * <p>The handover: the holder accepts its client and reports it; the coordinator orders an idle
 * spare to listen (a pre-started JVM, so this takes milliseconds) and starts a new spare; once the
 * successor reports that it listens, the coordinator orders the old holder to close its listener,
 * and only then does the old holder serve its client. So the port always has a listener, and a
 * client that has had its first answer knows that the next client will meet another process.
 *
 * <p>Connections that reach the old holder's listener between its accept and its close (clients
 * arriving together) sit in its accept queue; when it closes, the kernel moves them to the
 * successor only if {@code net.ipv4.tcp_migrate_req=1}, otherwise it resets them.
 *
 * <p>All methods are synchronized: events arrive on each worker's reader thread.
 */
final class HandoverCoordinator implements WorkerEvents {

    /** Workers that exit before they ever listen, in a row, before the server gives up. */
    static final int MAX_START_FAILURES = 3;
    private static final long STOP_WAIT_SECONDS = 5;

    private final WorkerLauncher launcher;
    private final int spares;
    private final ServerLines lines;
    private final PrintStream err;
    private final CompletableFuture<Integer> failure = new CompletableFuture<>();

    private final Set<Worker> all = new LinkedHashSet<>(); // every worker whose process lives
    private final Set<Worker> starting = new HashSet<>();
    private final Deque<Worker> idle = new ArrayDeque<>();
    private int port;
    private Worker holder;
    private boolean holderAccepted;
    private Worker successor;
    private boolean announced;
    private boolean stopped;
    private int startFailures;

    /**
     * @param spares how many started workers wait idle for a listen order, besides the holder
     * @param port the port asked for (0: any; the first listener's port is then kept)
     */
    HandoverCoordinator(WorkerLauncher launcher, int spares, int port, ServerLines lines,
            PrintStream err) {
        this.launcher = launcher;
        this.spares = spares;
        this.port = port;
        this.lines = lines;
        this.err = err;
    }

    /** Starts the first listener-to-be and the spares. */
    synchronized void start() {
        for (int i = 0; i < 1 + spares && !stopped; i++) {
            launch();
        }
    }

    /** Blocks until a fatal error, and returns the exit status it calls for. */
    int awaitFailure() throws InterruptedException {
        try {
            return failure.get();
        } catch (ExecutionException impossible) {
            return ExitStatus.FAILURE; // the future is only ever completed normally
        }
    }

    @Override
    public synchronized void ready(Worker worker, long pid) {
        if (!starting.remove(worker)) {
            return;
        }
        idle.add(worker);
        promoteIfNeeded();
    }

    @Override
    public synchronized void listening(Worker worker, int actualPort) {
        if (worker != successor) {
            return;
        }
        port = actualPort;
        startFailures = 0;
        Worker previous = holder;
        holder = worker;
        holderAccepted = false;
        successor = null;
        if (previous != null) {
            previous.closeListener();
        }
        if (!announced) {
            announced = true;
            lines.listens(actualPort);
        }
    }

    @Override
    public synchronized void accepted(Worker worker, String client) {
        if (worker == holder) {
            holderAccepted = true;
            promoteIfNeeded();
        }
    }

    @Override
    public synchronized void failed(Worker worker, String message) {
        fail(message);
    }

    @Override
    public synchronized void exited(Worker worker) {
        boolean neverListened = starting.remove(worker) | idle.remove(worker)
                | worker == successor;
        if (neverListened && !stopped && ++startFailures >= MAX_START_FAILURES) {
            fail("worker processes exit before they listen (see above)");
            return;
        }
        if (worker == successor) {
            successor = null;
        }
        if (worker == holder) { // died holding the listener: the next one takes over
            holder = null;
            holderAccepted = false;
        }
        replenish();
        promoteIfNeeded();
    }

    /** Stops every worker and waits (bounded) until their processes are gone. Idempotent. */
    void stopAll() {
        List<CompletableFuture<Void>> exits = new ArrayList<>();
        synchronized (this) {
            stopped = true;
            for (Worker worker : all) {
                exits.add(worker.stop());
            }
            all.clear();
            idle.clear();
            starting.clear();
        }
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException leftBehind) {
            err.println(Command.SRV_TCP_FORK.cliName()
                    + ": some worker processes did not end in time");
        }
    }

    private void promoteIfNeeded() {
        boolean listenerNeeded = holder == null || holderAccepted;
        if (stopped || successor != null || !listenerNeeded || idle.isEmpty()) {
            return;
        }
        successor = idle.poll();
        successor.listen(port);
        replenish();
    }

    private void replenish() {
        while (!stopped && idle.size() + starting.size() < spares) {
            launch();
        }
    }

    private void launch() {
        try {
            Worker worker = launcher.launch(this);
            all.add(worker);
            starting.add(worker);
            // Forget it only once its process is gone: a zombies-variant shell outlives its
            // worker's output and must still be ended at stop.
            worker.terminated().thenRun(() -> forget(worker));
        } catch (IOException e) {
            fail("cannot start a worker process: " + e.getMessage());
        }
    }

    private synchronized void forget(Worker worker) {
        all.remove(worker);
    }

    private void fail(String message) {
        if (!failure.isDone()) {
            err.println(Command.SRV_TCP_FORK.cliName() + ": " + message);
            stopped = true;
            failure.complete(ExitStatus.FAILURE);
        }
    }
}
