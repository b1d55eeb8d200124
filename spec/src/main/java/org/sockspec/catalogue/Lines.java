package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;

import java.time.Duration;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Reply;
import org.sockspec.bench.TcpClient;
import org.sockspec.spec.assertions.Exchange;

/**
 * Where a lab frames its messages by lines: a line is a message however TCP delivers it. A server
 * that answers each {@code recv()} rather than each line answers a line sent in two pieces twice,
 * and two lines sent at once once.
 */
final class Lines {
  private Lines() {}

  /** A line in two sends, then two lines in one send: each line answered once, exactly. */
  static void answeredOnceEachHoweverTheyArrive(Bench bench, TcpClient client) {
    LabProtocol protocol = bench.target().protocol();
    Duration reply = bench.timing().reply();
    client.sendBytes(Bytes.utf8("a line in "));
    // The first piece read before the second is sent: else the two may arrive as one read, and a
    // server that answers each read would look right by chance.
    Messages.awaitRead(bench, "the first piece read by the server", client.localPort(), reply);
    client.sendBytes(Bytes.utf8("two pieces\n"));
    expect(bench, client, "a line in two pieces\n", "(sent in two pieces, b'a line in ' then b'two pieces\\n')",
        protocol, "a line in two pieces", reply);
    client.sendBytes(Bytes.utf8("first line\nsecond line\n"));
    expect(bench, client, "first line\nsecond line\n", "(two lines in one send)", protocol, "first line", reply,
        "second line");
  }

  private static void expect(Bench bench, TcpClient client, String sent, String how, LabProtocol protocol,
      String first, Duration window, String... more) {
    java.io.ByteArrayOutputStream wanted = new java.io.ByteArrayOutputStream();
    wanted.writeBytes(protocol.expectedAnswer(Bytes.utf8(first)).orElseThrow());
    for (String line : more) {
      wanted.writeBytes(protocol.expectedAnswer(Bytes.utf8(line)).orElseThrow());
    }
    Reply reply = client.receiveExactly(wanted.toByteArray(), window);
    assertThat(new Exchange(client.name(), Bytes.utf8(sent), reply, how, () -> "The lab frames its messages by lines: "
        + "read up to each newline (a line may take several recv(), and one recv() may hold several lines) and "
        + "answer each line once."))
        .isAnsweredExactly(wanted.toByteArray(), protocol.answer().describe() + ", once a line");
  }
}
