package org.sockspec.impl.fork;

/** What workers report to the supervisor, each call on the reporting worker's reader thread. */
interface WorkerEvents {

    /** The worker's JVM is up (its pid as it reports it) and waits for its listen order. */
    void ready(Worker worker, long pid);

    /** The worker listens on {@code port}. */
    void listening(Worker worker, int port);

    /** The worker accepted its one client; it waits for its close order before serving it. */
    void accepted(Worker worker, String client);

    /** The worker could not do what it was told (its port is taken): a fatal error. */
    void failed(Worker worker, String message);

    /** The worker's output ended: it exited. */
    void exited(Worker worker);
}
