package org.sockspec.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sockspec.impl.common.AnswerRule;

/**
 * Reads a sub-command's arguments: {@code --port N}, the lab's protocol ({@code --answer RULE},
 * {@code --framing raw|line}, {@code --end WORD|none}, {@code --end-answered yes|no},
 * {@code --greeting TEXT}: every program; {@code --after-end close|exit}, {@code --udp-buffer N}:
 * servers), {@code --defect NAME}, positional arguments; {@code --opt=value} works too, {@code --}
 * ends the options. Every mistake is a {@link UsageException} whose message is one line.
 */
public final class OptionsParser {

    private OptionsParser() {
    }

    /** Whether the arguments ask for help ({@code --help} or {@code -h}) instead of a run. */
    public static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    public static Options parse(Command command, List<String> args) throws UsageException {
        Options options = Options.defaults(command);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && isOption(name)) {
                value = args.get(++i);
            } else {
                value = null;
            }
            options = apply(options, name, value);
        }
        if (command.role() == Command.Role.SERVER && !positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0)
                    + "' (a server takes options only; see --help)");
        }
        return options.withArguments(positional.toArray(String[]::new));
    }

    /** Options of every program: a client needs the lab's answer rule, framing, end and greeting to talk to its server. */
    private static final java.util.Set<String> ANY = java.util.Set.of("--port", "--defect", "--answer", "--framing",
            "--end", "--end-answered", "--greeting");
    private static final java.util.Set<String> SERVERS = java.util.Set.of("--after-end", "--udp-buffer");

    private static boolean isOption(String name) {
        return ANY.contains(name) || SERVERS.contains(name);
    }

    private static Options apply(Options options, String name, String value)
            throws UsageException {
        Command command = options.command();
        if (!isOption(name) || (SERVERS.contains(name) && command.role() != Command.Role.SERVER)) {
            throw new UsageException("unknown option '" + name + "' (see --help)");
        }
        if (value == null) {
            throw new UsageException("option " + name + " needs a value (see --help)");
        }
        LabProtocol protocol = options.protocol();
        try {
            switch (name) {
                case "--port":
                    return options.withPort(port(value));
                case "--answer":
                    return options.withProtocol(protocol.withAnswer(AnswerRule.parse(value)));
                case "--framing":
                    if (!value.equals("raw") && !value.equals("line")) {
                        throw new UsageException("--framing is raw or line, not '" + value + "'");
                    }
                    return options.withProtocol(protocol.withLines(value.equals("line")));
                case "--end":
                    return options.withProtocol(protocol.withEnd(value.equals("none") ? Optional.empty()
                            : Optional.of(value)));
                case "--end-answered":
                    if (!value.equals("yes") && !value.equals("no")) {
                        throw new UsageException("--end-answered is yes or no, not '" + value + "'");
                    }
                    return options.withProtocol(protocol.withEndAnswered(value.equals("yes")));
                case "--after-end":
                    if (!value.equals("close") && !value.equals("exit")) {
                        throw new UsageException("--after-end is close or exit, not '" + value + "'");
                    }
                    return options.withProtocol(protocol.withAfterEnd(Optional.of(value)));
                case "--udp-buffer":
                    return options.withProtocol(protocol.withUdpBuffer(udpBuffer(value)));
                case "--greeting":
                    return options.withProtocol(protocol.withGreeting(Optional.of(value)));
                default:
                    return options.withDefect(defect(command, value));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    private static int udpBuffer(String value) throws UsageException {
        try {
            int bytes = Integer.parseInt(value);
            if (bytes >= 0 && bytes <= 65507) {
                return bytes;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--udp-buffer needs a number of bytes from 0 (no limit) to 65507, not '" + value + "'");
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the same message as an out-of-range number
        }
        throw new UsageException("--port needs a number from 0 to 65535, not '" + value + "'");
    }

    private static Defect defect(Command command, String name) throws UsageException {
        Optional<Defect> defect = Defect.named(name);
        if (defect.isEmpty()) {
            throw new UsageException("unknown defect '" + name + "' (--list-defects lists them)");
        }
        if (!defect.get().appliesTo(command)) {
            String programs = defect.get().programs().stream().map(Command::cliName)
                    .collect(Collectors.joining(", "));
            throw new UsageException("defect '" + name + "' does not apply to " + command
                    + " (only to " + programs + ")");
        }
        return defect.get();
    }
}
