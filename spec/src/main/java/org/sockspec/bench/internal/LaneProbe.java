package org.sockspec.bench.internal;

import java.time.Duration;
import org.sockspec.bench.Target;
import org.sockspec.probe.protocol.ProbeAnswer.Done;
import org.sockspec.probe.protocol.ProbeAnswer.ResetDone;
import org.sockspec.probe.protocol.ProbeRequest.BenchReset;
import org.sockspec.probe.protocol.ProbeRequest.LabPut;
import org.sockspec.probe.protocol.ProbeRequest.LaneTarget;

/** What every kind of slot asks its lane's probe between specs: the next target's files, and the reset. */
final class LaneProbe {
  private LaneProbe() {}

  /** Tells the probe the target's port and puts the target's files in the lab folder. */
  static void prepare(ProbeChannel channel, Target target) {
    channel.call(Duration.ofSeconds(5), new LaneTarget(target.port()), Done.class);
    String prefix = Target.LAB_DIR.substring(1) + "/"; // the tar's paths are lab/...
    for (String path : target.files().paths()) {
      channel.call(Duration.ofSeconds(30), new LabPut(path.substring(prefix.length()),
          target.files().isExecutable(path) ? "755" : "644", target.files().content(path)), Done.class);
    }
  }

  /** Ends what the spec left and proves the namespace as new, within {@code bound}; traced as {@code slot}. */
  static ResetDone reset(ProbeChannel channel, int port, Duration bound, String slot) {
    ResetDone answer = channel.call(bound, new BenchReset(port), ResetDone.class);
    Trace.log(slot + ": reset " + (answer.clean() ? "clean" : "dirty") + " in " + answer.ms() + " ms "
        + answer.reasons());
    return answer;
  }
}
