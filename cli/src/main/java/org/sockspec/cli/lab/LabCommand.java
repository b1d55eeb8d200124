package org.sockspec.cli.lab;

import java.util.concurrent.Callable;
import org.sockspec.cli.KitVersion;
import org.sockspec.cli.SockspecCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sockspec lab}: what an instructor does with a lab manifest before students see it. */
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = KitVersion.class,
    header = "Works with a lab manifest: prove its scenarios before students see them.",
    subcommands = {ProveCommand.class})
public final class LabCommand implements Callable<Integer> {
  @ParentCommand
  SockspecCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say what to do with the lab: sockspec lab prove LAB "
        + "--reference DIR [--wrong DIR ...]");
  }
}
