package org.sockspec.impl.common;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts what a connection delivers into the lab's messages: each read is one (the handout's
 * {@code recv(1024)}), or, where the lab frames by lines, each line, without its {@code \n} (nor a
 * {@code \r} before it), however the reads cut it. One per connection: it keeps an unfinished line.
 */
public final class Framer {
    /** How reads become messages. */
    public enum Cut {
        /** Each read is a message. */
        READS,
        /** Each line is a message. */
        LINES,
        /** Each read is taken for a line ({@link org.sockspec.impl.Defect#ANSWERS_PER_READ}): a trailing newline dropped. */
        READS_AS_LINES
    }

    private final Cut cut;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public Framer(Cut cut) {
        this.cut = cut;
    }

    /** The messages {@code read} completes, in order. */
    public List<byte[]> messages(byte[] read) {
        if (cut == Cut.READS) {
            return List.of(read);
        }
        if (cut == Cut.READS_AS_LINES) {
            return List.of(read.length > 0 && read[read.length - 1] == '\n' ? Arrays.copyOf(read, read.length - 1) : read);
        }
        List<byte[]> messages = new ArrayList<>();
        for (byte b : read) {
            if (b == '\n') {
                byte[] line = partial.toByteArray();
                int end = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                messages.add(Arrays.copyOf(line, end));
                partial.reset();
            } else {
                partial.write(b);
            }
        }
        return messages;
    }

    /** The bytes {@code payload} goes on the wire as: with its newline where the lab frames by lines. */
    public static byte[] frame(byte[] payload, boolean lines) {
        if (!lines) {
            return payload;
        }
        byte[] line = Arrays.copyOf(payload, payload.length + 1);
        line[payload.length] = '\n';
        return line;
    }
}
