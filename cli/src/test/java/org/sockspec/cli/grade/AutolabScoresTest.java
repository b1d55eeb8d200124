package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problems an instructor enters in Autolab are the ones the scores line names, with their points. */
class AutolabScoresTest {
  @Test
  void theDefaultLabHasOneProblemPerProgramWorthItsSpecsPoints() {
    assertThat(AutolabScores.problems(LabManifest.defaults()))
        .isEqualTo("srv_tcp 8, srv_udp 9, srv_tcp_fork 6, srv_tcp_select 5, client_tcp 4, client_udp 4");
  }

  @Test
  void aProblemIsItsFileWithoutTheExtension() {
    assertThat(AutolabScores.problem("srv_tcp.py")).isEqualTo("srv_tcp");
    assertThat(AutolabScores.problem("Server.java")).isEqualTo("Server");
    assertThat(AutolabScores.problem("server")).isEqualTo("server");
  }

  @Test
  void aManifestsOwnPointsMakeTheProblemsMaxScores() {
    LabManifest lab = LabManifest.parse("""
        title = "t"
        default_points = 1.0
        [programs]
        "a.py" = "udp"
        [points]
        "udp.ack" = 5.0
        """, "test");
    assertThat(AutolabScores.problems(lab)).startsWith("a ").isEqualTo("a " + GradescopeResults.number(
        lab.columns().stream().mapToDouble(c -> lab.pointsOf(c.spec())).sum()));
  }
}
