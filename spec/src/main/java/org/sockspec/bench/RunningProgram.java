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
  /** The most it was seen to have waited, for the transcript. */
  private volatile MachineWait waited = MachineWait.NONE;
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

  /**
   * What is left, from {@code startNanos}, of {@code window} counted as the program's own time:
   * once the window itself has run out, what a busy machine kept the program waiting for a CPU or
   * the disk is added, up to one window more, so that a verdict does not depend on the machine's
   * load. Zero or less: it has run out. Asks the probe only once the window itself has run out.
   */
  Duration ownTimeLeft(long startNanos, Duration window) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    if (elapsed.compareTo(window) < 0) {
      return window.minus(elapsed);
    }
    try {
      MachineWait now = machineWait.get();
      if (now.totalMs() > waited.totalMs()) {
        waited = now;
      }
    } catch (RuntimeException e) {
      // the probe cannot tell: the window as it is
    }
    return window.plusMillis(Math.min(waited.totalMs(), window.toMillis())).minus(elapsed);
  }

  /** " of its own time (...)": what the transcript says of a window that ran out, when the machine took some. */
  static String ownTime(MachineWait waited) {
    if (waited.totalMs() == 0) {
      return "";
    }
    String how = waited.cpuMs() > 0 && waited.ioMs() > 0 ? waited.cpuMs() + " ms for a CPU and " + waited.ioMs()
        + " ms for the disk" : waited.cpuMs() > 0 ? waited.cpuMs() + " ms for a CPU" : waited.ioMs() + " ms for the disk";
    return " of its own time (since it started, the machine kept it waiting " + how + ", which is not counted)";
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
    long start = System.nanoTime();
    OptionalLong code = session.awaitExit(window);
    for (Duration left = ownTimeLeft(start, window); code.isEmpty() && left.compareTo(Duration.ZERO) > 0;
        left = ownTimeLeft(start, window)) {
      code = session.awaitExit(left);
    }
    code = drained(code);
    transcript.log(code.isPresent() ? "the program exited with status " + code.getAsLong()
        : "the program is still running after " + window.toMillis() + " ms" + ownTime(waited));
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
