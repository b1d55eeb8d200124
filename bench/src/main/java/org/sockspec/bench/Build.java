package org.sockspec.bench;

/**
 * How a program is built before its specs run: a shell command, run by {@code sh -c} as the program,
 * in a writable copy of its folder (see {@link Builds}).
 *
 * @param command the command, e.g. {@code cc -O2 -Wall -o srv_tcp srv_tcp.c}
 * @param from what chose it: the language ("C", "a Makefile") or {@code --build}
 */
public record Build(String command, String from) {}
