package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  private static String render(Style style) {
    StringWriter text = new StringWriter();
    new TextReporter(style).render(SampleReports.sample(), new PrintWriter(text));
    return text.toString();
  }

  @Test
  void oneLinePerSpecThenFailuresThenTheVerdict() {
    String text = render(Style.PLAIN);
    assertThat(text).contains("  FAIL   tcp.ack ").contains("  PASS   tcp.refused-without-server ")
        .contains("  WARN   tcp.backlog ").contains("  ERROR  tcp.probe ").contains("  SKIP   udp.ack ");
    assertThat(text).contains("FAIL  tcp.ack (MUST, handout question 1.1)\n"
        + "  Expecting the server to answer exactly b'Message received' but got b'Message recieved'\n"
        + "  Hint: send exactly the answer\n"
        + "  cause: wrong-answer (who: the server; expected: b'Message received'; received: b'Message recieved'; "
        + "receivedLength: 16)\n  transcript:\n       12 ms  A send b'x'\n");
    assertThat(text).contains("srv_tcp.py as tcp: 2 passed, 2 failed, 1 error, 1 skipped (1.8 s)\nFAILED: 1 spec: tcp.ack.");
    assertThat(text).contains("observed queues: Recv-Q 6");
  }

  @Test
  void aPassingSpecsLadderShowsOnlyWhenAskedFor() {
    assertThat(render(Style.PLAIN)).doesNotContain("RST-ACK").doesNotContain("observed ladder");
    StringWriter text = new StringWriter();
    new TextReporter(Style.PLAIN, true).render(SampleReports.sample(), new PrintWriter(text));
    assertThat(text.toString()).contains("refused at once (421 ms)\n        ladder:\n")
        .contains("+0.003 s  server:12800 -> A:40000      RST-ACK");
  }

  @Test
  void controlCharactersOfTheProgramAreShownNotSent() {
    assertThat(render(Style.PLAIN)).contains("bad \\x1b[31m bytes").doesNotContain("\u001b");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(render(Style.COLOUR)).contains("\u001b[31mFAIL \u001b[0m");
  }

  @Test
  void anEmptyPlanSaysNothingWasChecked() {
    RunReport empty = new RunReport("1", "client-udp", "c.py", false, java.util.List.of(), 0);
    assertThat(new TextReporter(Style.PLAIN).summary(empty)).contains("No spec of the catalogue applies to kind client-udp");
  }
}
