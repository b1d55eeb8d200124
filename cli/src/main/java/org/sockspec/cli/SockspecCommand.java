package org.sockspec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sockspec}: the root command, which holds what its subcommands work with. */
@Command(name = "sockspec", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    subcommands = {CheckCommand.class, IdentifyCommand.class, SpecsCommand.class, DemoCommand.class,
        org.sockspec.cli.grade.GradeCommand.class, org.sockspec.cli.lab.LabCommand.class,
        org.sockspec.cli.platform.AutograderCommand.class,
        HelpCommand.class},
    description = {"Checks a socket-lab program (a TCP or UDP client or server, in Python, Java or "
        + "anything) against the lab's executable specs, each run in fresh containers with real sockets, "
        + "and says which behaviours hold and why the others do not.", ""},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every spec that counts passed", "1:a spec that counts failed",
        "2:bad usage or input", "3:cannot run containers here, or the kit could not judge a spec"},
    footerHeading = "%nExamples:%n",
    footer = {"  sockspec check srv_tcp.py --as tcp", "  sockspec identify srv_tcp_select.py",
        "  sockspec specs", "  sockspec demo", "", "Documentation: docs/cli.md"})
public final class SockspecCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec
  CommandSpec spec;

  SockspecCommand(CliContext context) {
    this.context = context;
  }

  /** Public for the commands of sub-packages ({@code grade}). */
  public CliContext context() {
    return context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given: say " + commands(spec) + ".");
  }

  /** "check, identify, specs or demo": the subcommands, for messages (help aside). */
  static String commands(CommandSpec root) {
    java.util.List<String> names = root.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    return names.size() < 2 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
