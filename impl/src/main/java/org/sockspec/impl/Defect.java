package org.sockspec.impl;

import static org.sockspec.impl.Command.CLIENT_TCP;
import static org.sockspec.impl.Command.CLIENT_UDP;
import static org.sockspec.impl.Command.SRV_TCP;
import static org.sockspec.impl.Command.SRV_TCP_FORK;
import static org.sockspec.impl.Command.SRV_TCP_SELECT;
import static org.sockspec.impl.Command.SRV_TCP_THREADS;
import static org.sockspec.impl.Command.SRV_UDP;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A defect planted on purpose in a reference program ({@code PROGRAM --defect NAME}), so that the
 * kit can prove each of its specs catches the mistake it is about (like OkHttp's
 * {@code SocketPolicy}: faults are data).
 *
 * <p>Contract: a defect changes exactly the behaviour its javadoc names and nothing else; the
 * program keeps every other behaviour of its reference, so only the specs about that behaviour
 * fail. Each defect applies to the programs listed in {@link #programs()}; asking another program
 * for it is a usage error (exit status 2).
 */
public enum Defect {

    /**
     * The server reads and prints every message but never sends an answer (the client waits
     * forever at its first message). Caught by the specs that every message is answered (1.1, 2.1,
     * 3.1).
     */
    NEVER_ANSWERS("never-answers", "reads and prints every message but never answers it",
            SRV_TCP, SRV_UDP, SRV_TCP_FORK, SRV_TCP_SELECT, SRV_TCP_THREADS),

    /**
     * The server answers {@code Message recieved} (i and e swapped: same length, other bytes)
     * instead of the configured answer; if the configured answer is that very text, it answers
     * {@code Message received}. Caught by the specs that check the answer's exact bytes.
     */
    WRONG_ANSWER("wrong-answer", "answers 'Message recieved' (i/e swapped) instead of the lab's answer (another rule's: its first byte changed)",
            SRV_TCP, SRV_UDP, SRV_TCP_FORK, SRV_TCP_SELECT, SRV_TCP_THREADS),

    /**
     * The server answers {@code end} like any other message and keeps the conversation going: the
     * TCP servers keep the connection open (srv_tcp then ends only when its client disconnects),
     * the UDP server keeps running. Caught by the specs that {@code end} closes the connection or
     * stops the server.
     */
    IGNORES_END("ignores-end", "answers 'end' like any message and keeps serving",
            SRV_TCP, SRV_UDP, SRV_TCP_FORK, SRV_TCP_SELECT, SRV_TCP_THREADS),

    /**
     * The UDP server receives into a 65535-byte buffer, so a long datagram arrives whole instead of
     * cut to its first 50 bytes. Caught by the spec of question 2.4 (the long text is truncated).
     */
    NO_TRUNCATION("no-truncation", "receives into a 65535-byte buffer: long datagrams are not cut",
            SRV_UDP),

    /**
     * The UDP server sends its answer to the sender's port + 1 (port - 1 for 65535), so the client
     * never gets it. Caught by the specs that the client is answered at its own address and port.
     */
    ANSWERS_WRONG_PORT("answers-wrong-port", "sends each answer to the sender's port + 1",
            SRV_UDP),

    /**
     * The multi-client server serves one client to its {@code end} (or disconnection) before it
     * accepts the next: a second client connects (the kernel completes the handshake) but gets no
     * answer while the first is connected. Caught by the multi-client specs (3.1: clients are
     * answered at the same time).
     */
    SERIAL("serial", "serves one client to the end before accepting the next",
            SRV_TCP_SELECT, SRV_TCP_THREADS),

    /**
     * The process-per-client server never reaps its exited workers: each worker is started
     * through an intermediate {@code sh} that never waits while the server runs, so a worker that
     * served its client stays defunct (state Z in {@code /proc/PID/stat}). Caught by the spec that
     * a process-style server leaves no zombies.
     */
    ZOMBIES("zombies", "never reaps its exited worker processes: they stay defunct (state Z)",
            SRV_TCP_FORK),

    /**
     * The "process-per-client" server serves every client from threads of its own single process,
     * so every ESTABLISHED socket has the same PID. Caught by the spec of question 3.2 (fork
     * style: one process per client in {@code lsof}).
     */
    ONE_PROCESS("one-process", "serves every client from one process (threads), not one each",
            SRV_TCP_FORK),

    /**
     * The client has no argument check: without a HOST it crashes on the missing argument (a stack
     * trace and exit status 1, like Python's {@code IndexError}) instead of printing its usage line
     * and exiting 2. Caught by the usage specs.
     */
    NO_USAGE_CHECK("no-usage-check", "crashes without its HOST argument instead of printing usage",
            CLIENT_TCP, CLIENT_UDP),

    /**
     * The TCP client swallows a refused connection: it prints nothing and exits 0. Caught by the
     * spec of question 2.3b (a TCP client started before its server is refused, visibly).
     */
    SWALLOWS_REFUSED("swallows-refused", "says nothing and exits 0 when the connection is refused",
            CLIENT_TCP),

    /**
     * The client never reads the server's answers: it prints the answer the lab's rule would give
     * its message, as if it had. Its output is right; the kernel shows the answers unread in its
     * socket's receive queue (the client specs read it there).
     */
    PRINTS_UNREAD("prints-unread", "prints the answer the rule gives without reading the server's",
            CLIENT_TCP, CLIENT_UDP),

    /**
     * Once its client closed its side (a 0-byte read), the server does not close the connection: it
     * goes on (to its next client) with that connection still open, in CLOSE_WAIT for as long as the
     * server runs. Caught where a lab's conversations end by the client closing ({@code --end
     * none}): the specs that the server then closes its side.
     */
    LEAVES_CLOSE_WAIT("leaves-close-wait", "keeps a connection open (CLOSE_WAIT) once its client closed",
            SRV_TCP, SRV_TCP_SELECT, SRV_TCP_THREADS),

    /**
     * Where the lab frames messages by lines, the server answers each read instead of each line: a
     * line that arrives in two reads is answered twice, two lines in one read once. Caught by the
     * answer spec's pieces and pairs of lines ({@code --framing line}).
     */
    ANSWERS_PER_READ("answers-per-read", "answers each read, not each line, where the lab frames by lines",
            SRV_TCP, SRV_TCP_FORK, SRV_TCP_SELECT, SRV_TCP_THREADS);

    private final String cliName;
    private final String description;
    private final Set<Command> programs;

    Defect(String cliName, String description, Command first, Command... rest) {
        this.cliName = cliName;
        this.description = description;
        this.programs = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The kebab-case name given to {@code --defect}. */
    public String cliName() {
        return cliName;
    }

    /** One line saying what the defect does. */
    public String description() {
        return description;
    }

    /** The programs this defect can be planted in. */
    public Set<Command> programs() {
        return programs;
    }

    public boolean appliesTo(Command command) {
        return programs.contains(command);
    }

    /** The defect called {@code name} on the command line, if there is one. */
    public static Optional<Defect> named(String name) {
        return Arrays.stream(values()).filter(d -> d.cliName.equals(name)).findFirst();
    }

    /** The line {@code --list-defects} prints: name, programs (comma-separated), description. */
    public String listing() {
        String names = programs.stream().map(Command::cliName).collect(Collectors.joining(","));
        return cliName + "\t" + names + "\t" + description;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
