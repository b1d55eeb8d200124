package org.sockspec.conformance.bench;

import java.util.Arrays;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Kind;
import org.sockspec.bench.Target;
import org.sockspec.bench.Targets;
import org.sockspec.bench.Timing;
import org.sockspec.bench.internal.Engine;

/**
 * Benchmark of the bench's own cost (run by benchmarks/overhead.sh, not a test): the first contact with
 * the engine, the kit image, then N benches opened and closed in a warm JVM, with and without a
 * reference server started in each. Prints milliseconds: min, median, p90, max.
 */
public final class BenchOverhead {
  private BenchOverhead() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long t0 = System.nanoTime();
    Engine.environment().docker();
    long engine = ms(t0);
    long t1 = System.nanoTime();
    Engine.environment().kitImage();
    long image = ms(t1);
    System.out.printf("first engine contact (Testcontainers init, leftover sweep): %d ms%n", engine);
    System.out.printf("kit image (inspect, or build on first use):              %d ms%n", image);

    Target target = Targets.reference(Kind.TCP, "srv_tcp", null, Target.DEFAULT_PORT, org.sockspec.bench.LabProtocol.HANDOUT);
    long[] open = new long[rounds];
    long[] close = new long[rounds];
    long[] serverReady = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      Bench bench = Bench.open(target, Timing.DEFAULT);
      open[i] = ms(start);
      long started = System.nanoTime();
      if (!bench.awaitServerReady(bench.start())) {
        throw new IllegalStateException("the reference server did not listen");
      }
      serverReady[i] = ms(started);
      long closing = System.nanoTime();
      bench.close();
      close[i] = ms(closing);
    }
    report("open a bench (target + probe containers, probe agent)", open);
    report("start the Java reference srv_tcp until it listens", serverReady);
    report("close a bench (remove both containers)", close);
  }

  private static void report(String what, long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf("%-58s min %5d  median %5d  p90 %5d  max %5d ms (n=%d)%n", what + ":", sorted[0],
        sorted[sorted.length / 2], sorted[(int) Math.floor(sorted.length * 0.9)], sorted[sorted.length - 1],
        sorted.length);
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
