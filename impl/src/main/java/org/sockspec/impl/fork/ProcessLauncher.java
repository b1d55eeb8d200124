package org.sockspec.impl.fork;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.sockspec.impl.Defect;
import org.sockspec.impl.Options;

/** Launches worker JVMs for the configured server, through the non-waiting shell for zombies. */
final class ProcessLauncher implements WorkerLauncher {

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    ProcessLauncher(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    @Override
    public Worker launch(WorkerEvents events) throws IOException {
        List<String> worker = WorkerCommand.worker(options);
        boolean zombies = options.plants(Defect.ZOMBIES);
        List<String> command = zombies ? WorkerCommand.throughNonWaitingShell(worker) : worker;
        return ProcessWorker.start(command, zombies, events, out, err);
    }
}
