package org.sockspec.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;

class TargetConfigTest {
  private static TargetConfig parse(Map<String, String> parameters) {
    return TargetConfig.from(key -> Optional.ofNullable(parameters.get(key)));
  }

  @Test
  void aReferenceProgramGetsPortAnswerAndDefectAsOptions() {
    TargetConfig config = parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp",
        TargetConfig.DEFECT, "wrong-answer", TargetConfig.PORT, "12801"));
    assertThat(config.kind()).isEqualTo(Kind.TCP);
    assertThat(config.target().command()).containsSubsequence("srv_tcp", "--port", "12801")
        .containsSubsequence("--answer", "Message received").containsSubsequence("--defect", "wrong-answer");
  }

  @Test
  void aPythonFileRunsWithPython3InItsFolder(@TempDir Path dir) throws Exception {
    Path program = Files.writeString(dir.resolve("srv_udp.py"), "print('hi')\n");
    TargetConfig config = parse(Map.of(TargetConfig.KIND, "udp", TargetConfig.PATH, program.toString()));
    assertThat(config.target().command()).containsExactly("python3", "srv_udp.py");
    assertThat(config.target().port()).isEqualTo(12800);
  }

  @Test
  void onlySelectsTheNamedSpecs() {
    TargetConfig config = parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp",
        TargetConfig.ONLY, "tcp.ack, tcp.end"));
    assertThat(config.selects("tcp.ack")).isTrue();
    assertThat(config.selects("tcp.end")).isTrue();
    assertThat(config.selects("tcp.sockets")).isFalse();
  }

  @Test
  void aRunCountsTheBenchesItsSelectedSpecsOpen() {
    TargetConfig all = parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp"));
    assertThat(all.benchesOfRun()).isEqualTo(Catalogue.specsFor(Kind.TCP).size());
    TargetConfig two = parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp",
        TargetConfig.ONLY, "tcp.ack,tcp.end,udp.ack"));
    assertThat(two.benchesOfRun()).as("udp.ack does not apply to tcp").isEqualTo(2);
  }

  @Test
  void everyFailureCountsUnlessToldToCountAsCheckDoes() {
    Map<String, String> base = Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp");
    TargetConfig all = parse(base);
    assertThat(all.counts(Level.INFO)).isTrue();
    TargetConfig must = parse(with(base, TargetConfig.COUNTED, "must"));
    assertThat(must.counts(Level.MUST)).isTrue();
    assertThat(must.counts(Level.SHOULD)).isFalse();
    TargetConfig strict = parse(with(base, TargetConfig.COUNTED, "strict"));
    assertThat(strict.counts(Level.SHOULD)).isTrue();
    assertThat(strict.counts(Level.INFO)).isFalse();
    assertThatThrownBy(() -> parse(with(base, TargetConfig.COUNTED, "some")))
        .hasMessageContaining("sockspec.counted must be all, strict or must, got 'some'");
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(base);
    more.put(key, value);
    return more;
  }

  @Test
  void badInputIsExplained() {
    assertThatThrownBy(() -> parse(Map.of(TargetConfig.KIND, "tcp-forked", TargetConfig.REFERENCE, "srv_tcp")))
        .hasMessageContaining("unknown kind 'tcp-forked'").hasMessageContaining("tcp-fork");
    assertThatThrownBy(() -> parse(Map.of(TargetConfig.KIND, "tcp")))
        .hasMessageContaining("no target");
    assertThatThrownBy(() -> parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.PATH, "/no/such/file.py")))
        .hasMessageContaining("no such file or folder");
    assertThatThrownBy(() -> parse(Map.of(TargetConfig.KIND, "tcp", TargetConfig.REFERENCE, "srv_tcp",
        TargetConfig.PORT, "99999"))).hasMessageContaining("port must be a number from 1 to 65535");
  }
}
