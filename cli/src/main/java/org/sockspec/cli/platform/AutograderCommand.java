package org.sockspec.cli.platform;

import java.util.concurrent.Callable;
import org.sockspec.cli.KitVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sockspec autograder PLATFORM}: the packages that make sockspec an autograder of
 * Gradescope, PrairieLearn or Autolab, and {@code autograder run}, what those packages call inside
 * the platform for each submission.
 */
@Command(name = "autograder", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Makes an autograder package for Gradescope, PrairieLearn, Autolab or GitHub Classroom.",
    description = {"The platforms run an autograder inside their own container, with no container engine: "
        + "the packages grade with the process sandbox (each program as a uid of its own, with limits). "
        + "See docs/gradescope.md, docs/prairielearn.md and docs/autolab.md.", ""},
    subcommands = {GradescopePackage.class, PrairieLearnPackage.class, AutolabPackage.class, ClassroomPackage.class,
        RunCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  sockspec autograder gradescope --out autograder.zip",
        "  sockspec autograder prairielearn --lab lab.toml --out pl-grader/",
        "  sockspec autograder autolab --out autolab/",
        "  sockspec autograder classroom --lab lab.toml --out my-template-repo/"})
public final class AutograderCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  org.sockspec.cli.SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say which platform: gradescope, prairielearn, autolab or classroom.");
  }
}
