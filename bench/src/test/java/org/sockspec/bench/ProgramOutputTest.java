package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgramOutputTest {
  @Test
  void keepsHeadAndTailOfAFloodAndCountsEverything() {
    ProgramOutput output = new ProgramOutput();
    output.append("START\n".getBytes(StandardCharsets.UTF_8));
    byte[] filler = "y".repeat(1000).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 1000; i++) {
      output.append(filler);
    }
    output.append("\nEND".getBytes(StandardCharsets.UTF_8));
    assertThat(output.totalBytes()).isEqualTo(6 + 1_000_000 + 4);
    assertThat(output.truncated()).isTrue();
    assertThat(output.text()).startsWith("START\n").endsWith("\nEND").contains("bytes not kept")
        .hasSizeLessThan(3 * ProgramOutput.KEEP);
  }

  @Test
  void invalidUtf8IsShownNotFatal() {
    ProgramOutput output = new ProgramOutput();
    output.append(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(output.text()).startsWith("ok").contains("\uFFFD");
  }

  @Test
  void awaitReturnsAsSoonAsTheConditionHolds() {
    ProgramOutput output = new ProgramOutput();
    output.append("> ".getBytes(StandardCharsets.UTF_8));
    long start = System.nanoTime();
    assertThat(output.await(text -> text.contains("> "), Duration.ofSeconds(5))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void awaitGivesUpAtOnceWhenTheOutputIsClosed() {
    ProgramOutput output = new ProgramOutput();
    output.close();
    long start = System.nanoTime();
    assertThat(output.await(text -> text.contains("never"), Duration.ofSeconds(5))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }
}
