package org.sockspec.impl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PythonReprTest {

    private static String repr(String text) {
        return PythonRepr.bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void printableAsciiIsShownAsIsInSingleQuotes() {
        assertThat(repr("Message received")).isEqualTo("b'Message received'");
        assertThat(repr("")).isEqualTo("b''");
    }

    @Test
    void aSingleQuoteWithoutDoubleQuoteSwitchesToDoubleQuotes() {
        assertThat(repr("it's")).isEqualTo("b\"it's\"");
        assertThat(repr("'both\"")).isEqualTo("b'\\'both\"'");
    }

    @Test
    void controlBytesBackslashAndNonAsciiAreEscapedAsPythonDoes() {
        assertThat(repr("a\tb\nc\rd\\e")).isEqualTo("b'a\\tb\\nc\\rd\\\\e'");
        assertThat(repr("h\u00e9")).isEqualTo("b'h\\xc3\\xa9'");
        assertThat(PythonRepr.bytes(new byte[] {0, (byte) 0xff, 0x7f})).isEqualTo("b'\\x00\\xff\\x7f'");
    }

    @Test
    void anAddressPrintsAsPythonsTuple() {
        assertThat(PythonRepr.address(new InetSocketAddress("127.0.0.1", 54321)))
                .isEqualTo("('127.0.0.1', 54321)");
    }
}
