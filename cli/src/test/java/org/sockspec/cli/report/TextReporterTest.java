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
