package org.sockspec.cli;

import org.sockspec.bench.Sandboxes;
import picocli.CommandLine.Option;

/**
 * {@code --sandbox containers|process}: how the programs under test run. {@code containers} (the
 * default) needs a container engine; {@code process} runs them as local processes, for machines
 * without one (an autograding platform's container, a laptop without Docker).
 */
public final class SandboxOption {
  @Option(names = "--sandbox", paramLabel = "WAY", description = "How programs run: containers (default: each "
      + "spec in containers of its own; needs Docker) or process (local processes, confined as far as this "
      + "machine allows: for autograding platforms and machines without Docker).")
  String sandbox;
  private String fallback = "containers";

  /** What to use when {@code --sandbox} is not given ({@code autograder run}: the process sandbox). */
  public void defaultTo(String way) {
    fallback = way;
  }

  /**
   * Makes it the run's sandbox (before anything uses one), and tells once, on standard error, how
   * programs run when they are not fully confined.
   *
   * @throws IllegalArgumentException for an unknown word
   */
  public void apply(CliContext context) {
    Sandboxes.Type type = Sandboxes.Type.parse(sandbox == null ? fallback : sandbox);
    // The run's choice, in one place: the runner hands it to the catalogue as configuration.
    System.setProperty(Sandboxes.PARAMETER, type.id());
    if (type == Sandboxes.Type.PROCESS) {
      String caveat = Sandboxes.caveat(type, null);
      if (!caveat.isEmpty()) {
        context.err().println("sockspec: note: " + caveat);
        context.err().flush();
      }
    }
  }

  /** Whether a command line asks for the process sandbox (read before parsing: no engine to reach then). */
  static boolean asksForProcess(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--sandbox=process") || args[i].equals("--sandbox") && i + 1 < args.length
          && args[i + 1].startsWith("process")) {
        return true;
      }
    }
    return false;
  }
}
