package org.sockspec.spec.assertions;

import java.util.function.Supplier;
import org.sockspec.bench.Reply;

/**
 * One message a kit client sent and the reply it got, with the circumstances a failure message
 * quotes ("while A and C are connected") and, computed only on failure, where the message went.
 *
 * @param diagnosis read from the socket table when the answer is missing (it costs a probe call)
 */
public record Exchange(String client, byte[] message, Reply reply, String circumstances, Supplier<String> diagnosis) {}
