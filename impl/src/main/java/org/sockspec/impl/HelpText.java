package org.sockspec.impl;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The usage and help texts of the launcher and its sub-commands. */
final class HelpText {

    static final String LAUNCHER = "java -jar sockspec-impl.jar";

    private HelpText() {
    }

    static String launcherUsage() {
        String commands = Arrays.stream(Command.values()).map(Command::cliName)
                .collect(Collectors.joining("|"));
        return "usage: " + LAUNCHER + " {" + commands + "} [OPTIONS] | --list-defects | --help";
    }

    static String launcherHelp() {
        StringBuilder help = new StringBuilder(launcherUsage()).append(System.lineSeparator());
        help.append("The socket lab's programs in Java, with planted-defect variants.")
                .append(System.lineSeparator());
        for (Command command : Command.values()) {
            help.append(String.format("  %-16s %s%n", command.cliName(), command.summary()));
        }
        help.append("Run '").append(LAUNCHER).append(" PROGRAM --help' for a program's options.");
        return help.toString();
    }

    static String commandUsage(Command command) {
        String options = command.role() == Command.Role.SERVER
                ? "[--port N] [PROTOCOL OPTIONS] [--defect NAME]"
                : "[--port N] [PROTOCOL OPTIONS] [--defect NAME] HOST";
        return "usage: " + LAUNCHER + " " + command.cliName() + " " + options;
    }

    static String commandHelp(Command command) {
        String n = System.lineSeparator();
        StringBuilder help = new StringBuilder(commandUsage(command)).append(n)
                .append(command.summary()).append(n)
                .append("  --port N       port (default ").append(Options.DEFAULT_PORT)
                .append(command.role() == Command.Role.SERVER ? "; 0 picks a free one" : "")
                .append(")").append(n);
        help.append("  the lab's protocol (the handout's by default):").append(n)
                .append("  --answer RULE  constant:TEXT (or TEXT), echo, upper, lower, template:T with {msg},")
                .append(" none (default '").append(Options.DEFAULT_ANSWER).append("')").append(n)
                .append("  --framing raw|line  a message is one read (raw), or a line").append(n)
                .append("  --end WORD|none     the message that ends a conversation (default end)").append(n)
                .append("  --end-answered yes|no  whether the server answers it (default yes)").append(n)
                .append("  --greeting TEXT     what a TCP server sends a client it accepted, first").append(n);
        if (command.role() == Command.Role.SERVER) {
            help.append("  --after-end close|exit  once a conversation ended: go on serving, or exit").append(n)
                    .append("  --udp-buffer N      the UDP server's recvfrom size (default 50; 0: no limit)").append(n);
        }
        help.append("  --defect NAME  plant a defect:");
        for (Defect defect : Defect.values()) {
            if (defect.appliesTo(command)) {
                help.append(n).append(String.format("    %-20s %s", defect.cliName(),
                        defect.description()));
            }
        }
        return help.toString();
    }
}
