package org.sockspec.impl.common;

import java.net.InetSocketAddress;

/**
 * Python's {@code repr} of the values the handout's programs print, so that the Java programs print
 * the same lines: {@code b'hello'} for bytes, {@code ('127.0.0.1', 54321)} for an address.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /**
     * {@code repr(bytes)}: {@code b'...'} (or {@code b"..."} when the bytes hold a single quote
     * and no double quote), printable ASCII as is, {@code \t \n \r \\} and the quote escaped, every
     * other byte as {@code \xhh}. Never fails, whatever the bytes: a client may send anything.
     */
    public static String bytes(byte[] value) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : value) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder repr = new StringBuilder(value.length + 3).append('b').append(quote);
        for (byte b : value) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                repr.append('\\').append((char) c);
            } else if (c == '\t') {
                repr.append("\\t");
            } else if (c == '\n') {
                repr.append("\\n");
            } else if (c == '\r') {
                repr.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                repr.append(String.format("\\x%02x", c));
            } else {
                repr.append((char) c);
            }
        }
        return repr.append(quote).toString();
    }

    /** An IPv4 socket address as Python prints the tuple: {@code ('127.0.0.1', 54321)}. */
    public static String address(InetSocketAddress address) {
        return "('" + address.getAddress().getHostAddress() + "', " + address.getPort() + ")";
    }
}
