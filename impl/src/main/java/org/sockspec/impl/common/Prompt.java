package org.sockspec.impl.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The clients' {@code input("> ")}: prints the prompt (no newline, flushed, on stdout as Python
 * does even when stdin is a pipe), reads one line of UTF-8 without its line end.
 */
public final class Prompt {

    private static final String PROMPT = "> ";

    private final BufferedReader lines;
    private final PrintStream out;

    public Prompt(InputStream in, PrintStream out) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    /**
     * The next line typed, or empty at the end of the input. Python raises {@code EOFError}
     * there; the clients end cleanly instead, after ending the prompt's line.
     */
    public Optional<String> next() {
        out.print(PROMPT);
        out.flush();
        String line;
        try {
            line = lines.readLine();
        } catch (IOException unreadable) {
            line = null; // an unreadable stdin ends the session as its end does
        }
        if (line == null) {
            out.println();
        }
        return Optional.ofNullable(line);
    }
}
