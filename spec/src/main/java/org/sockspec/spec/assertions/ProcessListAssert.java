package org.sockspec.spec.assertions;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.ProcessList;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/** Assertions on the program's processes (those of uid 1000 in the target). */
public final class ProcessListAssert extends AbstractAssert<ProcessListAssert, ProcessList> {
  private Duration window;

  ProcessListAssert(ProcessList actual) {
    super(actual, ProcessListAssert.class);
  }

  /** The window the list was awaited in, quoted by the messages. */
  public ProcessListAssert within(Duration waited) {
    this.window = waited;
    return this;
  }

  /** No process of the program is defunct (state Z: exited, never waited for by its parent). */
  public ProcessListAssert hasNoZombies() {
    isNotNull();
    List<ProcessInfo> zombies = actual.program().stream().filter(ProcessInfo::isZombie).toList();
    if (!zombies.isEmpty()) {
      throw CausedFailure.of(new Cause.ProcessModel("every exited process reaped", zombies.size() + " defunct"),
          "Expecting every exited server process to be reaped by its parent%s, but %s defunct "
          + "(state Z, <defunct> in ps): %s. A child that exits stays a zombie until its parent waits for it "
          + "(os.wait/os.waitpid, or a SIGCHLD handler).",
          window == null ? "" : " within " + window.toMillis() + " ms", zombies.size() == 1 ? "1 stays" : zombies.size() + " stay",
          zombies.stream().map(z -> "pid " + z.pid() + " [" + z.comm() + "], child of pid " + z.ppid() + " ("
              + actual.shortName(z.ppid()) + ")").collect(Collectors.joining("; ")));
    }
    return this;
  }
}
