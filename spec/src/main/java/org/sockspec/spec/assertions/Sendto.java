package org.sockspec.spec.assertions;

/**
 * What one {@code sendto} returned to a kit client: the byte count, or -1 for an error.
 *
 * @param circumstances for messages ("with no server running")
 */
public record Sendto(String client, int length, int returned, String circumstances) {}
