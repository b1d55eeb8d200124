package org.sockspec.impl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar sockspec-impl.jar PROGRAM [OPTIONS]}: runs one of the lab's programs, maps its
 * outcome to the exit status ({@link ExitStatus}). Only {@link #main} calls {@code System.exit};
 * {@link #run} is the same launcher for tests.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Auto-flush on every println: the kit reads these lines through a pipe, as they come.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        System.exit(run(args, new Stdio(System.in, out, err)));
    }

    /** Parses {@code args}, runs the program they name and returns its exit status. */
    public static int run(String[] args, Stdio stdio) {
        if (args.length == 0) {
            stdio.err().println(HelpText.launcherUsage());
            return ExitStatus.USAGE;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            stdio.out().println(HelpText.launcherHelp());
            return ExitStatus.OK;
        }
        if (args[0].equals("--list-defects")) {
            Arrays.stream(Defect.values()).map(Defect::listing).forEach(stdio.out()::println);
            return ExitStatus.OK;
        }
        Optional<Command> command = Command.named(args[0]);
        if (command.isEmpty()) {
            stdio.err().println("sockspec-impl: unknown program '" + args[0] + "' ("
                    + HelpText.launcherUsage().substring("usage: ".length()) + ")");
            return ExitStatus.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (OptionsParser.asksForHelp(rest)) {
            stdio.out().println(HelpText.commandHelp(command.get()));
            return ExitStatus.OK;
        }
        Options options;
        try {
            options = OptionsParser.parse(command.get(), rest);
        } catch (UsageException e) {
            stdio.err().println(command.get().cliName() + ": " + e.getMessage());
            return ExitStatus.USAGE;
        }
        try {
            return command.get().create(options).run(stdio);
        } catch (RuntimeException bug) {
            // Not an expected condition (those are reported in one line by the programs): a bug,
            // or the crash Defect.NO_USAGE_CHECK plants. Shown whole, as Python shows a traceback.
            bug.printStackTrace(stdio.err());
            return ExitStatus.FAILURE;
        }
    }
}
