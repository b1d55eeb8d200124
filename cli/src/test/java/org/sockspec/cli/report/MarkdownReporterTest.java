package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  private static String render(RunReport report) {
    StringWriter text = new StringWriter();
    new MarkdownReporter().render(report, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void headingTellsTheVerdictAndATableHasARowPerSpec() {
    String md = render(SampleReports.sample());
    assertThat(md).startsWith("## sockspec: `srv_tcp.py` as `tcp`: ❌ failed");
    assertThat(md).contains("| | Spec | Level | Question | Result |\n| --- | --- | --- | --- | --- |\n");
    List<String> rows = md.lines().filter(line -> line.startsWith("| ") && line.contains("`")).toList();
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0)).startsWith("| ❌ | `tcp.ack` | MUST | 1.1 | Expecting the server");
    assertThat(rows.get(1)).startsWith("| ✅ | `tcp.refused-without-server` | MUST | 2.3 | passed in 421 ms");
    assertThat(rows.get(2)).startsWith("| ⚠️ | `tcp.backlog` | SHOULD");
  }

  @Test
  void passingLaddersAreFoldedInWhenAskedFor() {
    assertThat(render(SampleReports.sample())).doesNotContain("what went over the wire");
    StringWriter text = new StringWriter();
    new MarkdownReporter(true).render(SampleReports.sample(), new PrintWriter(text));
    assertThat(text.toString()).contains("<details><summary>tcp.refused-without-server: what went over the wire"
        + "</summary>").contains("RST-ACK");
  }

  @Test
  void cellsCannotBreakTheTable() {
    String row = render(SampleReports.sample()).lines().filter(line -> line.contains("`tcp.backlog`")).findFirst()
        .orElseThrow();
    assertThat(row).contains("Expecting 2 queued \\| got 1");
    assertThat(row.split("(?<!\\\\)\\|")).hasSize(6);
  }

  @Test
  void failuresShowHintAndEvidenceInFencesTheTextCannotClose() {
    String md = render(SampleReports.sample());
    assertThat(md).contains("### ❌ `tcp.ack` (MUST, handout question 1.1)");
    assertThat(md).contains("> **Hint:** send exactly the answer");
    assertThat(md).contains("<details><summary>output</summary>");
    assertThat(md).contains("````text\nbad \\x1b[31m bytes");
    assertThat(md).doesNotContain("\u001b");
  }
}
