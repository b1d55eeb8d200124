package org.sockspec.impl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A process's state letter from {@code /proc/PID/stat} (R, S, Z...), empty once it is reaped. */
public final class ProcessState {

    private ProcessState() {
    }

    public static Optional<Character> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            return Optional.of(stat.charAt(stat.lastIndexOf(')') + 2));
        } catch (IOException reaped) {
            return Optional.empty();
        }
    }
}
