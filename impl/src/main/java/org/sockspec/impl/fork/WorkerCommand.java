package org.sockspec.impl.fork;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sockspec.impl.Defect;
import org.sockspec.impl.Options;

/**
 * The command lines that start worker processes: the running JVM's own {@code java}, with the code
 * found where this class was loaded from (the running jar, or the test's class directory), and
 * flags for a small, quick JVM: a worker serves one client and exits.
 */
final class WorkerCommand {

    /** A worker is small and short-lived: quick start, little memory, no perf-data file. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss256k", "-Xmx32m", "-XX:-UsePerfData", "-Xshare:auto");

    /**
     * The intermediate of {@link Defect#ZOMBIES}, for {@code sh -c}: starts the worker in the
     * background with the shell's stdin and stdout, lets go of both so the supervisor sees the
     * worker's output end when the worker exits, then blocks in the {@code read} builtin on a
     * private FIFO, which does not reap children (dash reaps only at its wait points). An exited
     * worker stays a zombie until the supervisor ends the shell with SIGTERM: the trap then reaps
     * it, so nothing outlives a stop (a SIGKILLed supervisor leaves its shells behind).
     *
     * <p>The stdin goes through fd 4 because dash points a background job's stdin at /dev/null
     * before applying the job's own redirections: {@code <&0} would give the worker /dev/null.
     */
    static final String NON_WAITING_SHELL =
            "fifo=$(mktemp -u) && mkfifo -m 600 \"$fifo\" && exec 3<>\"$fifo\""
                    + " && rm -f \"$fifo\" || exit 1\n"
                    + "trap 'wait; exit 0' TERM\n"
                    + "exec 4<&0\n"
                    + "\"$@\" <&4 3<&- 4<&- &\n"
                    + "exec </dev/null >/dev/null 2>/dev/null\n"
                    + "while :; do read -r never <&3; done\n";

    private WorkerCommand() {
    }

    /** {@code java FLAGS -cp CODE ForkWorker PROTOCOL-OPTIONS [--defect NAME]}. */
    static List<String> worker(Options options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(codeLocation().toString());
        command.add(ForkWorker.class.getName());
        command.addAll(options.protocol().arguments());
        // Only the defects of the conversation itself travel to the worker; the others are the
        // supervisor's own.
        options.defect().filter(ForkWorker::handles).ifPresent(defect -> {
            command.add("--defect");
            command.add(defect.cliName());
        });
        return command;
    }

    /** {@code sh -c NON_WAITING_SHELL sockspec-worker WORKER...}. */
    static List<String> throughNonWaitingShell(List<String> worker) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", NON_WAITING_SHELL,
                "sockspec-worker"));
        command.addAll(worker);
        return command;
    }

    /** The jar (or class directory) this code runs from: workers run the same code. */
    static Path codeLocation() {
        try {
            return Path.of(WorkerCommand.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the running code", e);
        }
    }
}
