package org.sockspec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.Labels;

/**
 * Without Ryuk nothing removes the containers of a JVM that dies: the kit labels everything with
 * its session and removes dead sessions' containers when it next starts. This kills a real kit
 * run with SIGKILL in the middle of a spec and checks exactly that.
 */
class LeftoverCleanupIT {

  @Test
  void aRunKilledWithSigkillLeavesNoContainerOnceTheKitStartsAgain() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // One bench, opened without warming: the run holds exactly its one lane's two containers.
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        BenchHolder.class.getName())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readUntil(out, "bench open")).get(120, TimeUnit.SECONDS);
      assertThat(line).as("the kit run's output").isEqualTo("bench open");
      String session = Labels.host() + ":" + run.pid();
      assertThat(containersOf(session)).as("containers of the running kit").hasSize(2);

      run.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(containersOf(session)).as("containers left by the killed run").hasSize(2);

      Engine.environment().removeLeftovers();
      assertThat(containersOf(session)).as("containers of the killed run after the kit started again").isEmpty();
    } finally {
      run.destroyForcibly();
    }
  }

  private static List<Container> containersOf(String session) {
    return Engine.environment().docker().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(Labels.SESSION, session)).exec();
  }

  private static String readUntil(BufferedReader out, String wanted) {
    try {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null) {
        if (line.equals(wanted)) {
          return line;
        }
        seen.append(line).append('\n');
      }
      return "the run ended without opening its bench:\n" + seen;
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
