package org.sockspec.impl.fork;

import java.io.IOException;

/** Starts worker processes (a seam: the coordinator's tests launch fakes instead). */
@FunctionalInterface
interface WorkerLauncher {

    /** Starts a worker that will report to {@code events}. */
    Worker launch(WorkerEvents events) throws IOException;
}
