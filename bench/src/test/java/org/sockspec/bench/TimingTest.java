package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimingTest {
  @Test
  void everyBoundScalesTogether() {
    Timing slow = new Timing(2.0);
    assertThat(slow.reply()).isEqualTo(Timing.DEFAULT.reply().multipliedBy(2));
    assertThat(slow.silence()).isEqualTo(Timing.DEFAULT.silence().multipliedBy(2));
    assertThat(slow.startup()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void rejectsNonsenseScales() {
    assertThatThrownBy(() -> new Timing(0)).hasMessageContaining("time scale");
    assertThatThrownBy(() -> new Timing(Double.NaN)).hasMessageContaining("time scale");
  }
}
