package org.sockspec.spec;

import java.io.Serializable;
import java.util.List;
import org.sockspec.bench.LimitEvidence;
import org.sockspec.bench.SandboxLimit;
import org.sockspec.probe.protocol.Protocol;

/**
 * Why a spec failed or erred, as data: the closed list of causes every report and the grader are
 * made from (the JSON report's {@code "cause": {"kind": KIND, ...fields}}, listed in docs/cli.md).
 * A failure's message stays what a student reads; its cause is what programs read, so no report
 * ever parses a message to learn what happened.
 *
 * <p>Each cause is a record whose components are its fields, in order; a null component is a
 * fact the kit did not have (the field is left out of the JSON).
 */
public sealed interface Cause extends Serializable {
  /**
   * The cause's stable name in reports: its record's name in kebab case ("never-listened" for
   * {@link NeverListened}), so the list of kinds is the list of records.
   */
  default String kind() {
    return kindOf(getClass());
  }

  /** The kind of cause {@code type} is. */
  static String kindOf(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Every kind of cause, in the order they are declared. */
  static java.util.List<String> kinds() {
    return java.util.Arrays.stream(Cause.class.getPermittedSubclasses()).map(Cause::kindOf).toList();
  }

  /**
   * What the spec itself saw: behind a limit, what it saw when the program hit it (it never
   * listened, say); every other cause is its own.
   */
  default Cause root() {
    return this;
  }

  /** Whether the program never got to listen (or bind) on its port: the spec could not begin. */
  default boolean isStartup() {
    Cause seen = root();
    return seen instanceof Exited || seen instanceof NeverListened || seen instanceof ListensElsewhere;
  }

  // --- the program did not get to the behaviour -------------------------------------------------

  /**
   * The program exited, or was killed, before it did what the spec needs (a syntax error is this).
   *
   * @param status its exit status; null when a signal ended it
   * @param signal the signal that ended it; null when it exited
   * @param before what it was to do ("listen on TCP port 12800")
   */
  record Exited(Integer status, Integer signal, String before) implements Cause {
    /** From a status as the engine reports it: 128 + N is signal N. */
    public static Exited of(long code, String before) {
      return code > 128 && code < 128 + 65 ? new Exited(null, (int) code - 128, before)
          : new Exited((int) code, null, before);
    }
  }

  /**
   * The program kept running but never listened (TCP) or bound (UDP) on the port in the startup
   * bound.
   */
  record NeverListened(Protocol protocol, int port, long startupMs) implements Cause {}

  /**
   * The program holds other sockets instead of the port (another port, or the other protocol).
   *
   * @param held the program's bound sockets ("udp 0.0.0.0:12800")
   * @param otherProtocol whether it holds the port with the other protocol: it is the other kind of server
   */
  record ListensElsewhere(Protocol protocol, int port, List<String> held, boolean otherProtocol) implements Cause {
    public ListensElsewhere {
      held = List.copyOf(held);
    }
  }

  /**
   * The program hit a limit of its sandbox. The first of {@code limits} is the one that names it.
   *
   * @param limit memory, processes, disk or output
   * @param limits every limit it hit (a fork bomb hits processes and memory)
   * @param countedBy whose evidence it is
   * @param seen what the spec saw meanwhile (it never listened, an answer did not come)
   */
  record Limit(SandboxLimit limit, List<SandboxLimit> limits, LimitEvidence countedBy, Cause seen) implements Cause {
    public Limit {
      limits = List.copyOf(limits);
    }

    @Override
    public Cause root() {
      return seen.root();
    }
  }

  /** The spec's wall-clock deadline ran out (status error: the spec never ended by itself). */
  record TimedOut(String deadline) implements Cause {}

  // --- answers ---------------------------------------------------------------------------------

  /**
   * The reply bound passed and the answer did not come.
   *
   * @param who whose message ("client A's end")
   * @param ended how the wait ended: timeout, eof (the peer closed), reset
   * @param received what did come before, shown as Python prints bytes; null if nothing
   */
  record NoAnswer(String who, long windowMs, String ended, String received) implements Cause {}

  /**
   * Where the lab's server answers nothing: the message was not read within the reply bound (it is
   * still in the server's receive queue, or its connection was never accepted).
   *
   * @param who whose message ("client A's first message")
   * @param unread the bytes still unread there, -1 when the server side is gone
   * @param accepted whether the server accepted the connection (TCP; null for UDP)
   */
  record NotRead(String who, long windowMs, long unread, Boolean accepted) implements Cause {}

  /** Bytes came that are not the expected answer (both shown as Python prints bytes). */
  record WrongAnswer(String who, String expected, String received, int receivedLength) implements Cause {}

  /** The answer came from another port than the server's own socket (UDP). */
  record WrongSourcePort(String who, int expectedPort, int port) implements Cause {}

  /**
   * Something came where nothing had to come for the window: a second client answered while it had
   * to wait, an answer with no server.
   *
   * @param got what came ("data", "eof", "reset"), and {@code received} its bytes
   */
  record NotSilent(String who, long windowMs, String got, String received) implements Cause {}

  /** The connection stayed open (or went on) where it had to end. */
  record NotClosed(String who, String got) implements Cause {}

  // --- connects and sends ----------------------------------------------------------------------

  /** A connect that had to complete did not ({@code outcome}: refused, timeout, ...). */
  record NotConnected(String who, String outcome, long ms) implements Cause {}

  /**
   * A connect (or a connected UDP socket's receive) that had to be refused was not, or not at once.
   *
   * @param boundMs the bound of "at once"; null when the outcome itself was wrong
   */
  record NotRefused(String who, String outcome, long ms, Long boundMs) implements Cause {}

  /** A kit client's sendto did not return the datagram's full length ({@code returned} -1: it raised). */
  record SendFailed(String client, int length, int returned) implements Cause {}

  // --- the kernel's tables ---------------------------------------------------------------------

  /**
   * A socket of the namespace's table is missing or not as required.
   *
   * @param socket which ("the server side of B's connection")
   * @param expected the requirement ("not accepted", "Recv-Q 5")
   * @param seen what the table shows ("held by pid 12", "Recv-Q 0"); "missing" if there is no such socket
   */
  record SocketState(String socket, String expected, String seen) implements Cause {}

  /**
   * The server's processes or threads are not as its kind requires (who holds what).
   *
   * @param expected "a process per client", "one process for all", "a thread per client",
   *     "one thread for all", "a listener while serving", "every exited process reaped"
   * @param seen "one process for all", "a process per client", "2 defunct"...
   */
  record ProcessModel(String expected, String seen) implements Cause {}

  /** The server never accepted these clients while it served others (it serves one at a time). */
  record NotAccepted(List<String> clients, long queued) implements Cause {
    public NotAccepted {
      clients = List.copyOf(clients);
    }
  }

  /**
   * Connects did not queue as listen's backlog makes them (the server accepted one while serving,
   * or the queue never filled, or the connect past it did not stay pending).
   */
  record Backlog(String expected, String seen) implements Cause {}

  /** A kernel counter did not move as the behaviour makes it ("Udp NoPorts", "TcpExt ListenOverflows"). */
  record KernelCounter(String counter, long expected, long delta) implements Cause {}

  /**
   * What a burst lost does not match what the kernel counted (UDP: the missing answers are not the
   * datagrams RcvbufErrors counted; TCP: the burst did not arrive whole).
   *
   * @param sent datagrams (UDP) or bytes (TCP) sent
   * @param dropped what the kernel counted dropped
   * @param arrived answers (UDP) or bytes (TCP) that came
   */
  record LossMismatch(Protocol protocol, long sent, long dropped, long arrived) implements Cause {}

  // --- what a program printed, and clients -----------------------------------------------------

  /** A server's printed "Received ..." lines are not the messages it was sent (expected and printed shown). */
  record PrintedLines(String expected, String printed) implements Cause {}

  /**
   * A program's exit is not as required.
   *
   * @param expected "2", "non-zero", "0" or "still running"
   * @param status its exit status; null while it still runs
   */
  record ExitStatus(String expected, Long status) implements Cause {}

  /**
   * What a program printed is not as required (its usage line, "refused", its answers, no traceback).
   *
   * @param expected the requirement ("a line", "\"refused\"", "no traceback", "the answer 3 times")
   * @param printed the end of what it printed
   */
  record Output(String expected, String printed) implements Cause {}

  /** A client under test never connected to the kit's server ({@code status}: it exited; null: still running). */
  record NoConnection(int port, Long windowMs, Long status) implements Cause {}

  /** A typed line never reached the kit's server from the client under test. */
  record NoMessage(Protocol protocol, int index, Long windowMs, Long status) implements Cause {}

  /** A typed line reached the kit's server as other bytes (both shown as Python prints bytes). */
  record WrongMessage(Protocol protocol, String expected, String received) implements Cause {}

  // --- the bench and the kit -------------------------------------------------------------------

  /** The program broke the bench mid-spec (it killed the kit's client, say): charged to it. */
  record BenchBroken(String how) implements Cause {}

  /**
   * The program could not be started on its port: a TIME_WAIT of its submission's own making holds
   * it in a namespace the kit cannot discard, and the submission has spent the grader's time it is
   * given for such waits (see docs/grading.md).
   *
   * @param port the port held
   * @param leftMs how long the TIME_WAIT had left
   * @param waitedMs how long the grader already waited for the submission's own TIME_WAITs
   * @param budgetMs the most it waits for them
   */
  record OwnTimeWait(int port, long leftMs, long waitedMs, long budgetMs) implements Cause {}

  /** The kit could not judge (the engine failed): status error, never the program's. */
  record Kit(String problem) implements Cause {}

  // --- the grader's own, before any spec runs --------------------------------------------------

  /**
   * The program does not build: every spec of it fails for this, before it runs (see docs/cli.md,
   * "Languages").
   *
   * @param command the build command
   * @param status its exit status; null when it had not ended when a bound stopped it
   * @param stoppedBy the bound or limit that stopped it or made it fail ("its bound of 120 s", "the
   *     memory limit: ..."); null when it failed by itself
   * @param errors the compiler's first errors, with their files and lines
   */
  record BuildFailed(String command, Integer status, String stoppedBy, List<String> errors) implements Cause {
    public BuildFailed {
      errors = List.copyOf(errors);
    }
  }

  /** The file was not in the student's folder. */
  record NotHandedIn(String file) implements Cause {}

  /**
   * The submission's grading ran out of the time it is given (an autograding platform's timeout,
   * less a margin) before this spec could run: the programs took it (slow to start, slow to answer,
   * each spec's windows run to their ends). Charged to the submission: a grade comes back in time.
   *
   * @param budgetMs the time the whole submission is given
   */
  record OutOfTime(long budgetMs) implements Cause {}

  /** The file is a link the kit does not follow, or a special file: never read, never run. */
  record Rejected(String file, String reason, String detail) implements Cause {}

  /** The program cannot be graded as configured (the lab's manifest names something unusable). */
  record Unusable(String problem) implements Cause {}

  /**
   * An assertion the catalogue gave no cause (a plain AssertJ assertion): a gap of the kit's, never
   * expected in a table of the conformance matrix.
   */
  record Unexplained(String message) implements Cause {}
}
