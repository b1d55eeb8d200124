package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import org.sockspec.bench.Bench;
import org.sockspec.bench.RunningProgram;
import org.sockspec.bench.TcpClient;

/**
 * The server under test once it listens (see {@link Given#serverListening}): its port and answer,
 * and the kit's clients a spec opens on it, each a {@link Talker} that knows how to explain a
 * missing answer.
 */
final class ServerUnderTest {
  private final Bench bench;
  private final RunningProgram program;

  ServerUnderTest(Bench bench, RunningProgram program) {
    this.bench = bench;
    this.program = program;
  }

  int port() {
    return bench.target().port();
  }

  RunningProgram program() {
    return program;
  }

  /** TCP client {@code name}, connected: the connect must complete (accepted or queued). */
  Talker connect(String name) {
    return connect(name, "");
  }

  /**
   * As {@link #connect(String)}; {@code circumstances} follow "client B's connect" in a failure's
   * sentence as they are (", while A is served,").
   */
  Talker connect(String name, String circumstances) {
    TcpClient client = bench.tcpClient(name);
    assertThat(client.connect(port())).as("client %s's connect%s", name, circumstances).isConnected();
    return Talker.tcp(bench, client);
  }

  /** UDP client {@code name}: an unconnected socket, as the lab's client's. */
  Talker udpClient(String name) {
    return Talker.udp(bench, bench.udpClient(name));
  }
}
