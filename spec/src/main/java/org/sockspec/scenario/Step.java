package org.sockspec.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockspec.probe.protocol.AnswerRule;
import org.sockspec.probe.protocol.Protocol;

/**
 * One step of a {@link Scenario}: the closed vocabulary an instructor writes scenarios in
 * (docs/scenarios.md documents each with an example). Every wait has its bound: {@code within} for
 * a wait that ends as soon as what is awaited comes, {@code window} for a negative claim that is
 * waited out in full. A null bound is the bench's own (the reply bound, the silence window...).
 */
public sealed interface Step {
  /** A step about one of the kit's clients, named by the scenario ("A"). */
  interface ByClient {
    String client();
  }

  /** The kit's TCP client {@code client} connects to the program's port: accepted, or refused by the kernel. */
  record Connect(String client, boolean refused, Duration within) implements Step, ByClient {}

  /**
   * Client {@code client} sends {@code bytes} (a UDP client is opened on first use): as one message
   * of the lab (framed as the lab frames messages) when {@code asMessage}, else exactly these bytes.
   */
  record Send(String client, byte[] bytes, boolean asMessage) implements Step, ByClient {}

  /**
   * What comes next to {@code client} is the lab's answer to its last message: exactly, or with
   * {@code anyBytes} any answer at all (where the lab's server answers nothing: the message was read).
   * Within the lab's reply bound.
   */
  record ExpectAnswer(String client, boolean anyBytes) implements Step, ByClient {}

  /** {@code client} is served (some bytes come) or its connection ends, rather than waiting on: within the reply bound. */
  record ExpectServedOrReset(String client) implements Step, ByClient {}

  /** What comes next to {@code client} is exactly {@code bytes}. */
  record ExpectBytes(String client, byte[] bytes, Duration within) implements Step, ByClient {}

  /** The next line {@code client} reads (up to its newline) is {@code line}. */
  record ExpectLine(String client, String line, Duration within) implements Step, ByClient {}

  /** What arrives to {@code client} (a datagram, or a TCP stream read until it matches) contains a match of {@code pattern}. */
  record ExpectMatch(String client, Pattern pattern, Duration within) implements Step, ByClient {}

  /** Nothing arrives to {@code client} for the whole {@code window}. */
  record ExpectNothing(String client, Duration window) implements Step, ByClient {}

  /** {@code client}'s connection ends: by the server's close, a reset, or either. */
  record ExpectClosed(String client, Ending ending, Duration within) implements Step, ByClient {}

  /** How a connection is expected to end. */
  enum Ending {
    CLOSED("closed"), RESET("reset"), CLOSED_OR_RESET("closed-or-reset");

    private final String word;

    Ending(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** {@code client} closes its connection (or socket); with {@code reset}, with a reset (SO_LINGER 0). */
  record Close(String client, boolean reset) implements Step, ByClient {}

  /** The program holds its listening (TCP) or bound (UDP) socket on the port. */
  record Listener(Duration within) implements Step {}

  /** The server's side of {@code client}'s connection is in {@code state}, with {@code unread} bytes unread when given. */
  record SocketOf(String client, SocketState state, Optional<Long> unread, Duration within) implements Step, ByClient {}

  /** A server-side socket state an instructor can ask for. */
  enum SocketState {
    ESTABLISHED("established"), NOT_ACCEPTED("not-accepted"), CLOSE_WAIT("close-wait"), CLOSED("closed");

    private final String word;

    SocketState(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** Who serves the connected clients: one process, a process per client, or threads of one process. */
  record Model(ServerModel model, Duration within) implements Step {}

  /** The server models a scenario can ask for. */
  enum ServerModel {
    ONE_PROCESS("one-process"), PROCESS_PER_CLIENT("process-per-client"), THREAD_PER_CLIENT("thread-per-client");

    private final String word;

    ServerModel(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** The kernel counter {@code group}/{@code name} grew by at least {@code atLeast} since the scenario began. */
  record Counter(String group, String name, long atLeast, Duration within) implements Step {}

  /** The program printed lines matching {@code pattern} ({@code count} of them at least). */
  record Printed(Pattern pattern, String written, Count count, Duration within) implements Step {}

  /** The program did not print a line matching {@code pattern} (over the whole {@code window}). */
  record NotPrinted(Pattern pattern, String written, Duration window) implements Step {}

  /** How many lines a {@link Printed} step wants: a number, or as many as the kit's server answered or dropped. */
  record Count(int number, Optional<ServedShare> share) {
    public static final Count ONE = new Count(1, Optional.empty());
  }

  /** The messages of the kit's server a count can follow. */
  enum ServedShare {
    ANSWERED, DROPPED
  }

  /**
   * The kit serves as the lab's server, for a client program: on {@code port} (the lab's when null),
   * answering by {@code rule} (the lab's when null), dropping the messages numbered in {@code drop}
   * (1 = the first it receives), each answer after {@code delay}.
   */
  record Serve(Protocol protocol, Integer port, AnswerRule rule, List<Integer> drop, Duration delay) implements Step {
    public Serve {
      drop = List.copyOf(drop);
    }
  }

  /** The program starts here (by default it starts before the first step that needs it). */
  record Start() implements Step {}

  /** Types {@code line} (and its newline) on the program's standard input. */
  record Type(String line) implements Step {}

  /** Closes the program's standard input (end of file). */
  record EndInput() implements Step {}

  /** The program exits within {@code within}: with status {@code status}, or any failure when {@code failure}. */
  record ExpectExit(int status, boolean failure, Duration within) implements Step {}

  /** The program is still running after the whole {@code window}. */
  record ExpectRunning(Duration window) implements Step {}

  /** The kit's server received at least {@code count} messages. */
  record Received(int count, Duration within) implements Step {}

  /** The kit's server received a message that is exactly {@code text}. */
  record ReceivedText(String text, Duration within) implements Step {}

  /**
   * The program printed a line for each message the kit's server received, in order: one matching
   * {@code answered} for a message it answered, {@code dropped} for one it dropped.
   */
  record PrintedForEach(Pattern answered, Pattern dropped, Duration within) implements Step {}
}
