package org.sockspec.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sockspec.bench.internal.ProgramSession;
import org.sockspec.probe.protocol.ProbeAnswer.MachineWait;

/**
 * The program under test, started in the target with {@code docker exec}: its standard input
 * (lines are "typed" into it), its captured output, its exit status.
 *
 * <p>Its exit says little on its own about a server: the handout's fork server's first process
 * exits at once while its children go on serving. Specs judge servers by the socket and process
 * tables; exit status matters for clients and for {@code end}.
 */
public final class RunningProgram {
  private final ProgramSession session;
  private final ProgramOutput output;
  private final Transcript transcript;
  private final List<String> command;
  /** How long the machine has kept the program waiting so far (the kernel's counts, through the probe). */
  private final Supplier<MachineWait> machineWait;
  private volatile boolean drained;

  /** How long an exited program's last output may take to arrive (it usually takes microseconds). */
  static final Duration DRAIN = Duration.ofMillis(500);

  RunningProgram(ProgramSession session, ProgramOutput output, Transcript transcript, List<String> command,
      Supplier<MachineWait> machineWait) {
    this.session = session;
    this.output = output;
    this.transcript = transcript;
    this.command = command;
    this.machineWait = machineWait;
  }

  /** A window given to the program from {@code startNanos}, counted as its own time (see {@link OwnTime}). */
  OwnTime ownTime(long startNanos, Duration window) {
    return new OwnTime(startNanos, window, machineWait);
  }

  /** Types one line (a newline is added), as at the program's {@code > } prompt. */
  public void type(String line) {
    transcript.log("type into the program: " + line);
    session.write((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Ends the program's standard input, as Ctrl-D at a terminal. */
  public void endInput() {
    transcript.log("end of input (Ctrl-D)");
    session.endInput();
  }

  public ProgramOutput output() {
    return output;
  }

  /** The exit status once exited (its last output arrived, see {@link #awaitExit}); empty while it runs. */
  public OptionalLong exitCode() {
    return drained(session.exitCode());
  }

  /**
   * Waits, bounded, for the program's first process to exit, then (at most {@link #DRAIN}) for what
   * it printed to arrive: the engine reports the exit as soon as it happens, and the last bytes of
   * its output may still be on their way, so a spec that reads the output next sees all of it.
   */
  public OptionalLong awaitExit(Duration window) {
    OwnTime own = ownTime(System.nanoTime(), window);
    OptionalLong code = session.awaitExit(window);
    for (Duration left = own.leftAfterAsking(); code.isEmpty() && left.compareTo(Duration.ZERO) > 0;
        left = own.leftAfterAsking()) {
      code = session.awaitExit(left);
    }
    code = drained(code);
    transcript.log(code.isPresent() ? "the program exited with status " + code.getAsLong()
        : "the program is still running after " + window.toMillis() + " ms" + own.said());
    if (code.isEmpty()) {
      WaitLedger.ranToBound("a program's exit", window, window.toMillis());
    }
    return code;
  }

  /** Once the program has exited, waits the first time (at most DRAIN) for its output to arrive. */
  private OptionalLong drained(OptionalLong code) {
    if (code.isPresent() && !drained) {
      drained = true;
      output.awaitClosed(DRAIN); // a daemon child holding the output open ends this wait, not the spec
    }
    return code;
  }

  public List<String> command() {
    return command;
  }
}
