package org.sockspec.impl.testing;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockspec.impl.Program;
import org.sockspec.impl.Stdio;

/**
 * A program running on its own thread with captured output: what {@code java -jar ... PROGRAM}
 * is, in process. {@link #close} stops it as the launcher would (interrupting its thread) and
 * waits, bounded, for it to return.
 */
public final class Running implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("on the port (\\d+)");

    public final Output out = new Output();
    public final Output err = new Output();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private Running(Program program, InputStream in, String name) {
        Stdio stdio = new Stdio(in, out.stream(), err.stream());
        thread = new Thread(() -> {
            try {
                exit.complete(program.run(stdio));
            } catch (Throwable crash) {
                exit.completeExceptionally(crash);
            }
        }, name);
        thread.setDaemon(true);
    }

    public static Running start(Program program) {
        return start(program, InputStream.nullInputStream());
    }

    public static Running start(Program program, InputStream in) {
        Running running = new Running(program, in, "program-" + program.getClass().getSimpleName());
        running.thread.start();
        return running;
    }

    /** The port from the server's startup line ({@code ... on the port N}), once printed. */
    public int port() {
        Matcher port = PORT.matcher(out.awaitLine("the startup line",
                line -> PORT.matcher(line).find(), Output.WAIT));
        port.find();
        return Integer.parseInt(port.group(1));
    }

    /** The exit status, once the program returns by itself (bounded wait). */
    public int awaitExit() {
        return awaitExit(Output.WAIT);
    }

    public int awaitExit(Duration within) {
        try {
            return exit.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Expected the program to end within " + within
                    + " but it still runs; it printed:\n" + out.text() + err.text());
        } catch (ExecutionException e) {
            throw new AssertionError("the program crashed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The program's crash, if it ended by throwing (bounded wait). */
    public Throwable awaitCrash() {
        try {
            int status = exit.get(Output.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("Expected a crash but the program exited " + status);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            throw new AssertionError("Expected a crash but the program still runs", e);
        }
    }

    public boolean isRunning() {
        return !exit.isDone();
    }

    /** Stops the program (interrupts its thread) and waits until it has returned. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            exit.handle((status, crash) -> status).get(Output.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the program did not stop within " + Output.WAIT, e);
        }
    }
}
