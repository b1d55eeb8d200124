package org.sockspec.catalogue;

import static org.sockspec.spec.SpecAssertions.assertThat;
import static org.sockspec.bench.Kind.TCP;
import static org.sockspec.spec.Level.MUST;

import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.TcpClient;
import org.sockspec.spec.Given;
import org.sockspec.spec.Spec;

/** Part 1 of the handout: the single-threaded TCP server (srv_tcp.py). */
public class TcpSpecs {

  @Spec(id = "tcp.ack", level = MUST, question = "1.1", kinds = TCP,
      summary = "each message a client sends (1, 100, 1000 bytes) is answered with exactly the answer text",
      hint = "After each recv(1024), the server must send exactly b\"Message received\": no newline, no echo.")
  void eachMessageIsAnsweredExactly(Bench bench) {
    Given.serverListening(bench);
    TcpClient client = bench.tcpClient("A");
    assertThat(client.connect(bench.target().port())).as("client A's connect").isConnected();
    String answer = bench.target().answer();
    for (int size : new int[] {1, 100, 1000}) {
      client.send(Bytes.utf8("x".repeat(size)));
      assertThat(client.receive(answer.length()))
          .as("the server, after a " + size + "-byte message,").isExactly(answer);
    }
  }

  @Spec(id = "tcp.refused-without-server", level = MUST, question = "2.3", kinds = TCP,
      summary = "with no server running, a TCP connect to the port is refused at once",
      hint = "Connection refused is the kernel's answer (a RST) when nothing listens on the port.")
  void connectIsRefusedWithoutServer(Bench bench) {
    TcpClient client = bench.tcpClient("A");
    assertThat(client.connect(bench.target().port()))
        .as("a connect to 127.0.0.1:%d with no server in the namespace", bench.target().port())
        .isRefusedWithin(bench.timing().atOnce());
  }
}
