package org.sockspec.conformance;

import java.io.IOException;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Kind;
import org.sockspec.bench.Target;
import org.sockspec.bench.Targets;
import org.sockspec.bench.Timing;

/**
 * A kit run to be killed: opens a bench, says so on stdout, then waits for input that never comes.
 * {@link LeftoverCleanupIT} kills it with SIGKILL, so it cannot clean up after itself.
 */
public final class BenchHolder {
  private BenchHolder() {}

  public static void main(String[] args) throws IOException {
    Bench bench = Bench.open(Targets.reference(Kind.TCP, "srv_tcp", null, Target.DEFAULT_PORT,
        org.sockspec.bench.LabProtocol.HANDOUT), Timing.DEFAULT);
    bench.start();
    System.out.println("bench open");
    System.out.flush();
    System.in.read(); // blocks until killed
    bench.close();
  }
}
