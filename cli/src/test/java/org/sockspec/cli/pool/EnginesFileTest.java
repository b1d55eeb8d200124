package org.sockspec.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engines file: what it reads, and what it says of a line it cannot. */
class EnginesFileTest {
  @TempDir
  Path dir;

  @Test
  void readsEachEnginesUrlJobsAndCertificateFolderSkippingCommentsAndBlankLines() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    for (String name : List.of("ca.pem", "cert.pem", "key.pem")) {
      Files.writeString(certs.resolve(name), "x");
    }
    List<EngineLine> engines = EnginesFile.parse("engines.txt", List.of(
        "# the lab's graders",
        "unix:///var/run/docker.sock jobs=2",
        "",
        "   tcp://grader-2.example.edu:2376 tls=" + certs + "   # the second machine",
        "tcp://10.0.0.3:2376 jobs=4 tls=" + certs));

    assertThat(engines).hasSize(3);
    assertThat(engines.get(0).address().url()).hasToString("unix:///var/run/docker.sock");
    assertThat(engines.get(0).jobs()).isEqualTo(2);
    assertThat(engines.get(0).address().tls()).isNull();
    assertThat(engines.get(1).jobs()).isEqualTo(1);
    assertThat(engines.get(1).address().tls()).isEqualTo(certs.toAbsolutePath());
    assertThat(engines.get(1).name()).isEqualTo("engine 2 (tcp://grader-2.example.edu:2376)");
    assertThat(engines.get(2).jobs()).isEqualTo(4);
    assertThat(engines.get(2).number()).isEqualTo(3);
  }

  @Test
  void aWrongLineIsNamedWithWhatIsWrongAndHowToWriteIt() throws Exception {
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock", "docker.example.edu:2376")))
        .hasMessageContaining("e.txt line 2").hasMessageContaining("not an engine URL")
        .hasMessageContaining("tcp://HOST:PORT");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock jobs=0")))
        .hasMessageContaining("line 1").hasMessageContaining("from 1 to 64");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock jobs=two")))
        .hasMessageContaining("jobs=two");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock fast")))
        .hasMessageContaining("'fast' is not understood").hasMessageContaining("jobs=N");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix://a.sock")))
        .hasMessageContaining("three slashes");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("tcp://host")))
        .hasMessageContaining("needs a host and a port");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("tcp://host:2376 tls=" + dir)))
        .hasMessageContaining("lacks ca.pem, cert.pem, key.pem");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock tls=" + dir)))
        .hasMessageContaining("tls= is for tcp:// engines");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("unix:///a.sock", "unix:///a.sock jobs=2")))
        .hasMessageContaining("line 2").hasMessageContaining("named twice");
    assertThatThrownBy(() -> EnginesFile.parse("e.txt", List.of("# nothing", "")))
        .hasMessageContaining("names no engine");
    assertThatThrownBy(() -> EnginesFile.read(dir.resolve("missing.txt")))
        .hasMessageContaining("cannot read the engines file");
  }
}
