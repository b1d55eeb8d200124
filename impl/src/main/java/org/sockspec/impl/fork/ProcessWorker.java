package org.sockspec.impl.fork;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link Worker} that is a real process: orders go to its stdin, reports come from its stdout;
 * every other line it prints (stdout or stderr) is relayed to the supervisor's own stream, so the
 * server's output is one stream, as a forking server's is.
 *
 * <p>Normally the process is the worker JVM itself, and the JDK reaps it as soon as it exits. With
 * {@code viaIntermediate} the process is an intermediate shell that started the worker and never
 * waits for it while the server runs ({@link WorkerCommand#throughNonWaitingShell}); the worker's
 * own pid is then the one it reports.
 */
final class ProcessWorker implements Worker {

    private final Process process;
    private final boolean viaIntermediate;
    private final Writer orders;
    private volatile long pid = -1;
    private volatile boolean exited;

    private ProcessWorker(Process process, boolean viaIntermediate) {
        this.process = process;
        this.viaIntermediate = viaIntermediate;
        this.orders = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code command} and the threads that read what it prints. */
    static ProcessWorker start(List<String> command, boolean viaIntermediate, WorkerEvents events,
            PrintStream out, PrintStream err) throws IOException {
        ProcessWorker worker =
                new ProcessWorker(new ProcessBuilder(command).start(), viaIntermediate);
        worker.relay(worker.process.getErrorStream(), "err", err::println, () -> { });
        worker.relay(worker.process.getInputStream(), "out",
                line -> worker.onLine(line, events, out),
                () -> {
                    worker.exited = true;
                    events.exited(worker);
                });
        return worker;
    }

    @Override
    public void listen(int port) {
        send(ControlProtocol.listenOrder(port));
    }

    @Override
    public void closeListener() {
        send(ControlProtocol.CLOSE);
    }

    @Override
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            try {
                orders.close(); // an idle worker ends at the end of its input
            } catch (IOException alreadyGone) {
                // the worker has exited: nothing to tell it
            }
        }
        if (viaIntermediate && pid > 0 && !exited) {
            // Alive or a zombie, so its pid cannot have been reused; still, check it is our
            // shell's child before signalling it.
            ProcessHandle.of(pid)
                    .filter(worker -> worker.parent().map(ProcessHandle::pid)
                            .filter(parent -> parent == process.pid()).isPresent())
                    .ifPresent(ProcessHandle::destroy);
        }
        process.destroy(); // the intermediate shell reaps its worker when told to end
        return terminated();
    }

    @Override
    public CompletableFuture<Void> terminated() {
        return process.onExit().thenApply(gone -> null);
    }

    private synchronized void send(String order) {
        try {
            orders.write(order + "\n");
            orders.flush();
        } catch (IOException gone) {
            // the worker has exited; its exit event reaches the coordinator on its reader thread
        }
    }

    private void onLine(String line, WorkerEvents events, PrintStream out) {
        Optional<ControlProtocol.Report> report = ControlProtocol.parse(line);
        if (report.isEmpty()) {
            out.println(line);
            return;
        }
        String argument = report.get().argument().trim();
        switch (report.get().kind()) {
            case READY:
                pid = Long.parseLong(argument);
                events.ready(this, pid);
                break;
            case LISTENING:
                events.listening(this, Integer.parseInt(argument));
                break;
            case ACCEPTED:
                events.accepted(this, argument);
                break;
            default:
                events.failed(this, argument);
                break;
        }
    }

    private void relay(InputStream stream, String name, Consumer<String> onLine,
            Runnable atEnd) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException closed) {
                // the worker is gone: the same as the end of its output
            }
            atEnd.run();
        }, "fork-worker-" + process.pid() + "-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public String toString() {
        return "worker " + (pid > 0 ? pid : "(starting, process " + process.pid() + ")");
    }
}
