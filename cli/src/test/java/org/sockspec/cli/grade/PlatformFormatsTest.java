package org.sockspec.cli.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.cli.report.SpecResult;
import org.sockspec.cli.report.Status;
import org.sockspec.spec.Cause;
import org.sockspec.spec.SpecInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GitHub Classroom's runner result and CodeGrade's JUnit XML, for a correct and a partial grade: the
 * points each platform adds up by its own rules are the kit's.
 */
class PlatformFormatsTest {
  private static GradedSpec spec(String file, String id, double max, boolean passed, boolean hidden) {
    SpecInfo info = Catalogue.find(id).orElseThrow();
    Kind kind = info.kinds().get(0);
    SpecResult result = passed ? SpecResult.of(info, Status.PASSED, "", Map.of(), 120)
        : SpecResult.of(info, Status.FAILED, "Expecting the answer but nothing came.",
            new Cause.NoAnswer("client A", 3000, "timeout", ""), Map.of("ladder", "A -> server"), 3000);
    return new GradedSpec(new LabManifest.Column(file, kind, info), result, passed ? Verdict.PASSED : Verdict.FAILED,
        "", passed ? max : 0, max, hidden);
  }

  private static StudentGrade grade(boolean allPass) {
    List<GradedSpec> specs = new ArrayList<>(List.of(
        spec("srv_tcp.py", "tcp.ack", 2, true, false),
        spec("srv_tcp.py", "tcp.end", 1, allPass, false),
        spec("srv_tcp.py", "tcp.second-client-waits", 2, allPass, true),
        spec("srv_tcp.py", "tcp.backlog-overflow", 0, allPass, false),
        spec("srv_udp.py", "udp.ack", 2.5, allPass, false)));
    return new StudentGrade("s", specs, 1000, List.of(), null);
  }

  @Test
  void classroomsResultAddsUpAsItsReporterAddsUp() throws Exception {
    for (boolean allPass : new boolean[] {true, false}) {
      StudentGrade grade = grade(allPass);
      JsonNode result = new ObjectMapper().readTree(Base64.getDecoder().decode(ClassroomResults.encoded(grade, "k")));
      assertThat(result.path("version").asInt()).isEqualTo(1);
      assertThat(result.path("status").asText()).isEqualTo(allPass ? "pass" : "fail");
      assertThat(result.path("max_score").asDouble()).isEqualTo(7.5);
      double total = 0;
      for (JsonNode test : result.path("tests")) { // NotifyClassroom: the sum of the tests' scores
        total += test.path("score").asDouble();
        assertThat(test.path("status").asText()).isIn("pass", "fail");
      }
      assertThat(total).isEqualTo(grade.score());
      JsonNode hidden = result.path("tests").get(2);
      assertThat(hidden.path("name").asText()).isEqualTo("srv_tcp.py: tcp.second-client-waits");
      if (!allPass) {
        assertThat(hidden.path("message").asText()).contains("hidden").doesNotContain("Expecting");
        assertThat(result.path("tests").get(1).path("message").asText()).contains("Expecting the answer")
            .contains("no-answer").contains("A -> server");
      }
    }
    assertThat(ClassroomResults.markdown(grade(false))).contains("## sockspec: 2 of 7.5 points")
        .contains("### srv_tcp.py: tcp.end: failed").doesNotContain("### srv_tcp.py: tcp.second-client-waits");
  }

  /** CodeGrade: the step's score is the share of cases that pass times its weight (the lab's total points). */
  @Test
  void codeGradesShareOfPassingCasesTimesTheTotalIsThePointsEarned() throws Exception {
    for (boolean allPass : new boolean[] {true, false}) {
      StudentGrade grade = grade(allPass);
      Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
          new ByteArrayInputStream(CodeGradeResults.render(grade, "k").getBytes(StandardCharsets.UTF_8)));
      NodeList cases = xml.getElementsByTagName("testcase");
      int passed = 0;
      for (int i = 0; i < cases.getLength(); i++) {
        passed += ((Element) cases.item(i)).getElementsByTagName("failure").getLength() == 0 ? 1 : 0;
      }
      assertThat(cases.getLength()).as("a case per half point (2, 1, 2, 2.5: halves), INFO left out").isEqualTo(15);
      assertThat(passed / (double) cases.getLength() * grade.maxScore()).isEqualTo(grade.score());
      assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
      assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo(allPass ? "0" : "11");
    }
  }
}
