package org.sockspec.impl;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The three standard streams a program talks through, so that tests can hand it their own.
 *
 * <p>Programs print whole lines and flush after each one: the kit reads their output through a
 * pipe and must see every line as soon as it is printed. Hand programs auto-flushing streams.
 */
public record Stdio(InputStream in, PrintStream out, PrintStream err) {
}
