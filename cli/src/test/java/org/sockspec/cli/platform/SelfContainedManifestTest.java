package org.sockspec.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.cli.grade.LabManifest;

/** A platform's package carries one manifest file: the scenario files a manifest names are appended to it. */
class SelfContainedManifestTest {
  @TempDir
  Path dir;

  @Test
  void theScenarioFilesAreAppendedAndTheKeyDropped() throws Exception {
    Path lab = dir.resolve("lab.toml");
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(lab, """
        title = "chat"
        scenario-files = [
          "scenarios/relay.toml",
        ]
        [programs]
        "chat_server.py" = "tcp-select"
        """);
    Files.writeString(dir.resolve("scenarios/relay.toml"), """
        [[scenarios]]
        id = "chat.relay"
        summary = "relays"
        kinds = ["tcp-select"]
        steps = [ { connect = "A" } ]
        """);
    String text = KitPackage.manifest(lab);
    assertThat(text).doesNotContain("scenario-files =").contains("id = \"chat.relay\"");
    LabManifest packaged = LabManifest.parse(text, "packaged");
    assertThat(packaged.scenarios()).extracting(s -> s.id()).containsExactly("chat.relay");
  }
}
