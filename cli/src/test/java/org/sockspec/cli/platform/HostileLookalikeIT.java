package org.sockspec.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.lookalike.Lookalike;

/**
 * Hostile submissions graded by the Gradescope package in its look-alike (root, no engine, no
 * network, the engine's default capabilities), where the process sandbox is all that stands between
 * them and the autograder: each gets the verdict its behaviour earns, for its reason, the whole run
 * is bounded, no process of theirs outlives it, and the results and the autograder's files are the
 * kit's alone.
 */
class HostileLookalikeIT {
  private static final Path HOSTILE = Path.of("../examples/hostile");
  /** What each hostile program earns on every spec that runs it: a verdict, and its reason. */
  private static final Map<String, String> CONTAINED = new LinkedHashMap<>();

  static {
    CONTAINED.put("fork_bomb", "limit process limit");
    CONTAINED.put("memory_balloon", "limit memory limit");
    CONTAINED.put("disk_filler", "limit disk limit (scratch space full)");
    CONTAINED.put("output_flood", "limit output limit");
    CONTAINED.put("ignores_sigterm", "passed ");
    CONTAINED.put("double_fork_daemon", "passed ");
    CONTAINED.put("kills_everything", "passed ");
    CONTAINED.put("writes_kit_files", "passed ");
  }

  /** The one spec of the tcp kind that runs no program: it passes whoever handed in what. */
  private static final String NO_PROGRAM = "tcp.refused-without-server";

  @TempDir
  Path dir;

  @Test
  void hostileProgramsAreContainedByTheProcessSandbox() throws Exception {
    Path submission = Files.createDirectories(dir.resolve("hostile"));
    StringBuilder lab = new StringBuilder("title = \"hostile\"\ndefault_points = 1.0\n[programs]\n");
    for (String program : CONTAINED.keySet()) {
      Files.copy(HOSTILE.resolve(program + ".py"), submission.resolve(program + ".py"));
      lab.append('"').append(program).append(".py\" = \"tcp\"\n");
    }
    Path manifest = Files.writeString(dir.resolve("hostile.toml"), lab);
    Path zip = dir.resolve("autograder.zip");
    assertThat(PlatformLookalikeIT.kit("autograder", "gradescope", "--lab", manifest.toString(), "--out",
        zip.toString())).isZero();

    List<String> leftover = new ArrayList<>();
    long[] ms = new long[1];
    byte[][] labAfter = new byte[1][];
    JsonNode results = PlatformLookalikeIT.gradescope(zip, submission, "hostile", """
        echo "LEFTOVER $(ps -eo uid= | awk '$1 >= 64000' | wc -l)"
        """, looked -> {
          ms[0] = looked.run().ms();
          looked.run().output().lines().filter(l -> l.startsWith("LEFTOVER ")).forEach(leftover::add);
          labAfter[0] = looked.box().read("/autograder/source/lab.toml");
        });

    Files.writeString(Path.of("target/hostile-lookalike-results.json"), results.toPrettyString());
    for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
      System.out.println(cell.path("program").asText() + " " + cell.path("spec").asText() + ": "
          + cell.path("verdict").asText() + " (" + cell.path("reason").asText() + ")");
    }
    PlatformLookalikeIT.assertGradescopeFormat(results);
    assertThat(leftover).as("processes of the sandbox's uids left after run_autograder").containsExactly("LEFTOVER 0");
    assertThat(new String(labAfter[0], StandardCharsets.UTF_8)).isEqualTo(Files.readString(manifest));
    double earned = 0;
    for (JsonNode test : results.path("tests")) {
      earned += test.path("score").asDouble();
    }
    assertThat(results.path("score").asDouble()).as("the score is the kit's, not a program's").isEqualTo(earned)
        .isLessThan(results.path("extra_data").path("sockspec").path("max_score").asDouble());
    // Eight programs of six specs, one at a time in the platform's one network namespace: bounded
    // by the specs' own deadlines, not by what the programs do.
    assertThat(ms[0]).as("the whole run, ms").isLessThan(360_000);
    for (Map.Entry<String, String> expected : CONTAINED.entrySet()) {
      String[] verdictAndReason = expected.getValue().split(" ", 2);
      int cells = 0;
      for (JsonNode cell : results.path("extra_data").path("sockspec").path("tests")) {
        if (!cell.path("program").asText().equals(expected.getKey() + ".py")) {
          continue;
        }
        cells++;
        String seen = cell.path("spec").asText() + ": " + cell.path("verdict").asText() + " ("
            + cell.path("reason").asText() + ")";
        if (cell.path("spec").asText().equals(NO_PROGRAM)) {
          assertThat(cell.path("verdict").asText()).as(expected.getKey() + " " + seen).isEqualTo("passed");
        } else {
          assertThat(cell.path("verdict").asText()).as(expected.getKey() + " " + seen).isEqualTo(verdictAndReason[0]);
          assertThat(cell.path("reason").asText()).as(expected.getKey() + " " + seen).isEqualTo(verdictAndReason[1]);
        }
      }
      assertThat(cells).as("specs graded for " + expected.getKey()).isEqualTo(6);
    }
  }
}
