package org.sockspec.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockspec.cli.CliContext;
import org.sockspec.cli.Main;
import org.sockspec.cli.report.RunReport;

/**
 * Bad input to {@code sockspec autograder}: one paragraph saying what is wrong, exit status 2, told
 * before anything is written or run (the packages themselves are run in {@link PlatformLookalikeIT}).
 */
class AutograderCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
        (request, listener) -> new RunReport("test", "tcp", "x", false, java.util.List.of(), 0), () -> { }, false);
    return Main.run(context, args);
  }

  @Test
  void gradescopeTakesAZip() {
    assertThat(run("autograder", "gradescope", "--out", dir.resolve("autograder.tar").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Gradescope takes a .zip, e.g. --out autograder.zip").doesNotContain("Exception\n");
  }

  @Test
  void aMissingLabManifestIsToldWithHowToGetOne() {
    assertThat(run("autograder", "gradescope", "--lab", dir.resolve("lab.toml").toString(), "--out",
        dir.resolve("a.zip").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read the lab manifest").contains("there is no such file")
        .contains("sockspec grade --print-lab");
  }

  @Test
  void aBadLabManifestIsToldWhenThePackageIsMadeNotOnThePlatform() throws Exception {
    Path lab = Files.writeString(dir.resolve("lab.toml"), "[programs]\n\"srv.py\" = \"no-such-kind\"\n");
    assertThat(run("autograder", "autolab", "--lab", lab.toString(), "--out", dir.resolve("al").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no-such-kind");
    assertThat(dir.resolve("al/autograde.tar")).doesNotExist();
  }

  @Test
  void anOutFolderThatCannotBeWrittenIsBadInput() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThat(run("autograder", "prairielearn", "--out", file.resolve("pl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write there").contains("name a folder you can write to");
  }

  @Test
  void anUnknownPlatformOrAMissingSubmissionIsBadInput() {
    assertThat(run("autograder", "run", "moodle", "--submission", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown platform 'moodle': say gradescope, prairielearn, autolab, classroom or codegrade");
    assertThat(run("autograder", "run", "gradescope", "--submission", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a folder");
  }
}
