package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.cli.grade.LabManifest;
import org.sockspec.cli.grade.LabProgram;

/**
 * Other courses' labs, through the packaged command as their users run it, in containers: the
 * example labs of examples/labs/ (a manifest, correct and defective programs of each program's
 * kind, and the verdicts each must get, in its expected.tsv), and the programs of
 * examples/labs/variants/, each in its own lab's protocol (all correct: every spec passes, and
 * {@code identify} tells each server's kind).
 */
class OtherLabsIT {
  private static final Path LABS = Path.of("../examples/labs");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @TestFactory
  Stream<DynamicTest> theExampleLabsGetTheirExpectedVerdicts() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String lab : List.of("echo-tcp", "upper-udp")) {
      Path folder = LABS.resolve(lab);
      LabManifest manifest = LabManifest.read(folder.resolve("lab.toml"));
      Map<String, Map<String, String>> expected = expected(folder.resolve("expected.tsv"));
      for (String kind : List.of("correct", "defective")) {
        for (LabProgram program : manifest.programs().values()) {
          String name = kind + "/" + program.file();
          tests.add(DynamicTest.dynamicTest(lab + ": " + name, () -> assertThat(notPassing(folder, name))
              .as("%s: the MUST and SHOULD specs that did not pass, with their causes", name)
              .isEqualTo(expected.getOrDefault(name, Map.of()))));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> otherLabsProgramsPassInTheirOwnProtocolAndAreIdentified() throws Exception {
    Path folder = LABS.resolve("variants");
    LabManifest manifest = LabManifest.read(folder.resolve("lab.toml"));
    List<DynamicTest> tests = new ArrayList<>();
    for (LabProgram program : manifest.programs().values()) {
      tests.add(DynamicTest.dynamicTest(program.file(), () -> {
        assertThat(notPassing(folder, program.file())).as("%s, in its own protocol (%s)", program.file(),
            program.protocol().describe()).isEmpty();
        if (program.kind().isServer() && program.kind().protocol() == org.sockspec.probe.protocol.Protocol.TCP) {
          PackagedCommand.Run identified = PackagedCommand.run(dir, "identify", "--lab",
              folder.resolve("lab.toml").toString(), folder.resolve(program.file()).toString(), "--format", "json", "-q");
          assertThat(JSON.readTree(identified.out()).path("kind").asText()).as("identify %s:\n%s", program.file(),
              identified.err()).isEqualTo(program.kind().id());
        }
      }));
    }
    return tests.stream();
  }

  /** Spec id to cause kind, for the MUST and SHOULD specs that did not pass. */
  private Map<String, String> notPassing(Path lab, String program) throws Exception {
    PackagedCommand.Run run = PackagedCommand.run(dir, "check", "--lab", lab.resolve("lab.toml").toString(),
        lab.resolve(program).toString(), "--format", "json", "-q");
    JsonNode report = JSON.readTree(run.out());
    Map<String, String> seen = new TreeMap<>();
    for (JsonNode result : report.path("results")) {
      if (!result.path("level").asText().equals("INFO") && !result.path("status").asText().equals("passed")) {
        seen.put(result.path("id").asText(), result.path("status").asText().equals("failed")
            ? result.path("cause").path("kind").asText() : result.path("status").asText() + ": " + result.path("message"));
      }
    }
    return seen;
  }

  /** folder/program -> (spec id -> cause kind), from an expected.tsv. */
  private static Map<String, Map<String, String>> expected(Path table) throws Exception {
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (String line : Files.readAllLines(table)) {
      String[] f = line.strip().split("\\s+");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      expected.computeIfAbsent(f[0] + "/" + f[1], k -> new TreeMap<>()).put(f[2], f[3]);
    }
    return expected;
  }
}
