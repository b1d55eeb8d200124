package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading back what a lab server printed it received. */
class ReceivedLinesTest {
  @Test
  void readsThePythonBytesOfEachReceivedLineInOrder() {
    ReceivedLines lines = ReceivedLines.parse("""
        The server now bound on the port 12800
        Received b'Sometimes an application on a network needs to sen' from client socket 127.0.0.1:\s
        Received b'next' from client socket 127.0.0.1:\s
        Closing the UDP socket
        """);
    assertThat(lines.messages()).extracting(m -> new String(m, StandardCharsets.UTF_8))
        .containsExactly("Sometimes an application on a network needs to sen", "next");
  }

  @Test
  void undoesPythonsEscapesAndQuotes() {
    assertThat(ReceivedLines.parse("Received b'a\\nb\\t\\\\\\'\\xe9\\x00' from client socket x").messages().get(0))
        .containsExactly('a', '\n', 'b', '\t', '\\', '\'', 0xe9, 0);
    // a message holding a single quote is printed between double quotes
    assertThat(ReceivedLines.parse("Received b\"it's\" from client socket x").messages().get(0))
        .containsExactly('i', 't', '\'', 's');
  }

  @Test
  void aMessagePrintedDecodedIsReadAsTextUpToTheClientSocket() {
    assertThat(ReceivedLines.parse("Received hello there from client socket ('127.0.0.1', 5000): ").messages())
        .singleElement().satisfies(m -> assertThat(new String(m, StandardCharsets.UTF_8)).isEqualTo("hello there"));
  }

  @Test
  void anUnclosedLiteralIsReadAsPrinted() {
    assertThat(new String(ReceivedLines.parse("Received b'cut").messages().get(0), StandardCharsets.UTF_8))
        .isEqualTo("b'cut");
  }

  @Test
  void describesEachMessageOnItsOwnLine() {
    assertThat(ReceivedLines.parse("Received b'end' from client socket x").describe())
        .isEqualTo("1. b'end' [3 bytes: 65 6e 64]");
    assertThat(ReceivedLines.parse("nothing here").describe()).isEqualTo("(no 'Received ...' line)");
  }
}
