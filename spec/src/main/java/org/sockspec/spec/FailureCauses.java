package org.sockspec.spec;

import java.util.List;
import org.sockspec.bench.Bench;
import org.sockspec.bench.LimitEvidence;
import org.sockspec.bench.SandboxLimit;

/**
 * A failed spec's cause, from what its assertion saw and what the bench found afterwards: a
 * sandbox limit the program reached explains a failure better than the spec's own view of it (a
 * fork bomb "never listened"), so it comes first, with what the spec saw kept as its {@code seen}.
 */
final class FailureCauses {
  /** The signal only the out-of-memory killer sends a target's program before it listens. */
  private static final int SIGKILL = 9;

  private FailureCauses() {}

  static Cause of(Cause seen, Bench.PostMortem postMortem) {
    if (postMortem.limit().isPresent()) {
      return new Cause.Limit(postMortem.limit().get().first(), postMortem.limit().get().limits(),
          postMortem.limit().get().evidence(), seen);
    }
    if (seen instanceof Cause.Exited exited && exited.signal() != null && exited.signal() == SIGKILL) {
      return new Cause.Limit(SandboxLimit.MEMORY, List.of(SandboxLimit.MEMORY), LimitEvidence.KILLED, seen);
    }
    return seen;
  }
}
