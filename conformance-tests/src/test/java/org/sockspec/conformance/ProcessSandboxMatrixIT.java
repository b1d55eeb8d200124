package org.sockspec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.lookalike.Lookalike;

/**
 * The conformance matrix once more, with the process sandbox, inside an autograding platform's
 * look-alike (root, no engine, no network, the engine's default capabilities: no CAP_SYS_ADMIN, so
 * one network namespace and one lane): every reference and planted defect gets the verdict the
 * tables give it, as in containers. This module's test class path goes into the look-alike as it
 * is, and {@link MatrixRunner} runs {@link ConformanceMatrixIT} there.
 */
class ProcessSandboxMatrixIT {
  private static final Duration BOUND = Duration.ofMinutes(40);

  @Test
  void theMatrixHoldsInTheProcessSandbox() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> inside = new ArrayList<>();
    try (Lookalike box = new Lookalike()) {
      // The Java fork reference (srv_tcp_fork) hands its listener from one worker JVM to the next
      // and loses clients queued in between unless the kernel migrates them (see ForkServer): the
      // kit sets this in every namespace it makes, and cannot in a platform's. A student's Python
      // fork server shares one listener across fork() and needs nothing of the kind.
      box.sysctl("net.ipv4.tcp_migrate_req", "1");
      int n = 0;
      for (String entry : classPath.split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
          String to = "/matrix/cp/" + (n++) + "-" + path.getFileName();
          box.folder(to, path);
          inside.add(to);
        } else if (Files.isRegularFile(path)) {
          String to = "/matrix/cp/" + (n++) + "-" + path.getFileName();
          box.file(to, Files.readAllBytes(path), false);
          inside.add(to);
        }
      }
      // The handout's protocol only: the other protocols' rows prove the catalogue's reading of a rule,
      // which is the same code in either sandbox, and would double this run (one lane here).
      Lookalike.Run run = box.run("mkdir -p /matrix/target && cd /matrix && exec java -Dsockspec.sandbox=process -D"
          + ExpectedVerdicts.PROFILES + "=" + ExpectedVerdicts.HANDOUT + " -cp "
          + String.join(":", inside) + " " + MatrixRunner.class.getName(), BOUND);
      System.out.println("matrix in the process sandbox, in a look-alike: " + run.ms() + " ms");
      List<String> failed = run.output().lines().filter(l -> l.contains("\tFAILED\t")).toList();
      failed.forEach(System.out::println);
      run.output().lines().filter(l -> l.startsWith("matrix:") || l.startsWith("ROWS ")).forEach(System.out::println);
      Files.writeString(Path.of("target", "process-sandbox-matrix.txt"), run.output());
      assertThat(failed).as("rows that did not get their expected verdict").isEmpty();
      assertThat(run.output()).contains("ROWS " + ExpectedVerdicts.load().only(java.util.Set.of(ExpectedVerdicts.HANDOUT))
          .rows().size() + " FAILED 0");
      assertThat(run.status()).as(run.output()).isZero();
    }
  }
}
