package org.sockspec.bench.internal;

import java.time.Duration;
import java.util.Arrays;
import org.sockspec.bench.Target;
import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeRequest.BenchReset;
import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import org.sockspec.probe.protocol.ProbeRequest.LaneTarget;

/** What every kind of slot asks its lane's probe between specs: the next target's files, and the reset. */
final class LaneProbe {
  /**
   * A file crosses to the probe in pieces of this size, each a request line of its own: a line
   * holds its piece in base64 and the probe's small heap reads it whole, so a submission's largest
   * file (up to the 20 MB the kit copies) never has to fit in one line.
   */
  static final int PIECE = 256 << 10;

  private LaneProbe() {}

  /** Tells the probe the target's port and puts the target's files in the lab folder. */
  static void prepare(ProbeChannel channel, Target target) {
    channel.call(Duration.ofSeconds(5), new LaneTarget(target.port()), Done.class);
    String prefix = Target.LAB_DIR.substring(1) + "/"; // the tar's paths are lab/...
    for (String path : target.files().paths()) {
      byte[] content = target.files().content(path);
      String mode = target.files().isExecutable(path) ? "755" : "644";
      String name = path.substring(prefix.length());
      int offset = 0;
      do {
        byte[] piece = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + PIECE));
        channel.call(Duration.ofSeconds(30), new LabPut(name, mode, piece, offset == 0 ? null : (long) offset),
            Done.class);
        offset += piece.length;
      } while (offset < content.length);
    }
  }

  /**
   * Ends what the spec left and proves the namespace as new, within {@code bound}; traced as
   * {@code slot}. In a namespace shared with the machine, a TIME_WAIT on the port is waited for at
   * most {@code timeWait} (see {@link ResetDone#timeWaitLeftMs()}).
   */
  static ResetDone reset(ProbeChannel channel, int port, Duration bound, Duration timeWait, String slot) {
    ResetDone answer = channel.call(bound.plus(timeWait), new BenchReset(port,
        timeWait.isZero() ? null : (int) timeWait.toMillis()), ResetDone.class);
    Trace.log(slot + ": reset " + (answer.clean() ? "clean" : "dirty") + " in " + answer.ms() + " ms "
        + answer.reasons() + (answer.timeWaitLeftMs() > 0 ? ", a TIME_WAIT on port " + port + " for "
        + answer.timeWaitLeftMs() + " ms more" : ""));
    return answer;
  }
}
