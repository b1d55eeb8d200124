package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void showsBytesAsPythonPrintsThem() {
    assertThat(Bytes.show(Bytes.utf8("Message received"))).isEqualTo("b'Message received'");
    assertThat(Bytes.show(new byte[] {'a', '\n', (byte) 0xe9, '\''})).isEqualTo("b'a\\n\\xe9\\''");
  }

  @Test
  void describesWithHexAndLength() {
    assertThat(Bytes.describe(Bytes.utf8("end"))).isEqualTo("b'end' [3 bytes: 65 6e 64]");
  }
}
