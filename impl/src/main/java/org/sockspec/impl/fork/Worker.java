package org.sockspec.impl.fork;

import java.util.concurrent.CompletableFuture;

/**
 * The supervisor's handle on one worker process: a process that, once told to, listens on the
 * server's port (with {@code SO_REUSEPORT}), accepts ONE client and serves it. What the worker does
 * comes back as {@link WorkerEvents}.
 */
interface Worker {

    /** Order: listen on {@code port} (0 on the first worker when any free port will do). */
    void listen(int port);

    /** Order: close the listening socket, a successor listens now; then serve the client. */
    void closeListener();

    /** Ends the worker, whatever it is doing; the future completes once its process is gone. */
    CompletableFuture<Void> stop();

    /**
     * Completes when the process the supervisor started is gone: the worker JVM itself, or for
     * {@link org.sockspec.impl.Defect#ZOMBIES} the intermediate shell, which outlives its worker.
     */
    CompletableFuture<Void> terminated();
}
