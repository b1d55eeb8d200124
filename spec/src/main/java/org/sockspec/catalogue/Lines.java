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
    client.sendBytes(Bytes.utf8("two pieces\n"));
    expect(bench, client, "a line sent in two pieces, \"a line in \" then \"two pieces\\n\",", protocol,
        "a line in two pieces", reply);
    client.sendBytes(Bytes.utf8("first line\nsecond line\n"));
    expect(bench, client, "two lines sent at once, \"first line\\nsecond line\\n\",", protocol,
        "first line", reply, "second line");
  }

  private static void expect(Bench bench, TcpClient client, String what, LabProtocol protocol, String first,
      Duration window, String... more) {
    java.io.ByteArrayOutputStream wanted = new java.io.ByteArrayOutputStream();
    wanted.writeBytes(protocol.expectedAnswer(Bytes.utf8(first)).orElseThrow());
    for (String line : more) {
      wanted.writeBytes(protocol.expectedAnswer(Bytes.utf8(line)).orElseThrow());
    }
    Reply reply = client.receiveExactly(wanted.toByteArray(), window);
    assertThat(new Exchange(client.name(), Bytes.utf8(what), reply, "", () -> "The lab frames its messages by lines: "
        + "read up to each newline (a line may take several recv(), and one recv() may hold several lines) and "
        + "answer each line once."))
        .isAnsweredExactly(wanted.toByteArray(), protocol.answer().describe() + ", once a line");
  }
}
