package org.sockspec.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcNetSocketsTest {
  @Test
  void ipv4AddressesAreLittleEndianWords() {
    assertThat(ProcNetSockets.address("0100007F")).isEqualTo("127.0.0.1");
    assertThat(ProcNetSockets.address("00000000")).isEqualTo("0.0.0.0");
  }

  @Test
  void ipv4MappedIpv6AddressesAreShownAsIpv4() {
    assertThat(ProcNetSockets.address("0000000000000000FFFF00000100007F")).isEqualTo("127.0.0.1");
  }

  @Test
  void ipv6AnyAndLoopbackAreCompressed() {
    assertThat(ProcNetSockets.address("00000000000000000000000000000000")).isEqualTo("::");
    assertThat(ProcNetSockets.address("00000000000000000000000001000000")).isEqualTo("::1");
  }
}
