package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReporterTest {
  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String render(RunReport report) {
    StringWriter text = new StringWriter();
    new JunitXmlReporter().render(report, new PrintWriter(text));
    return text.toString();
  }

  private static Element testcase(Document doc, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element element = (Element) cases.item(i);
      if (element.getAttribute("name").equals(name)) {
        return element;
      }
    }
    throw new AssertionError("no testcase " + name);
  }

  @Test
  void isWellFormedSurefireStyleXmlWithCountsThatMatchTheExitStatus() throws Exception {
    String xml = render(SampleReports.sample());
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    Document doc = parse(xml);
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("srv_tcp.py as tcp");
    assertThat(suite.getAttribute("tests")).isEqualTo("6");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    assertThat(suite.getAttribute("time")).isEqualTo("1.840");
    assertThat(doc.getElementsByTagName("property").getLength()).isEqualTo(4);
  }

  @Test
  void eachSpecIsATestcaseWithFailureErrorOrSkipped() throws Exception {
    Document doc = parse(render(SampleReports.sample()));
    Element failed = testcase(doc, "tcp.ack");
    assertThat(failed.getAttribute("classname")).isEqualTo("sockspec.tcp");
    assertThat(failed.getAttribute("time")).isEqualTo("0.812");
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith("Expecting the server");
    assertThat(failure.getAttribute("type")).isEqualTo("wrong-answer");
    assertThat(failure.getTextContent()).contains("Hint: send exactly the answer").contains("transcript:")
        .contains("bad \\x1b[31m bytes");

    assertThat(testcase(doc, "tcp.refused-without-server").getChildNodes().getLength()).isZero();
    assertThat(testcase(doc, "tcp.probe").getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(((Element) testcase(doc, "tcp.probe").getElementsByTagName("error").item(0)).getAttribute("type"))
        .isEqualTo("kit");
    Element should = (Element) testcase(doc, "tcp.backlog").getElementsByTagName("skipped").item(0);
    assertThat(should.getAttribute("message")).startsWith("SHOULD spec not met");
    Element skipped = (Element) testcase(doc, "udp.ack").getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("udp.ack does not apply to kind tcp");
  }

  @Test
  void strictMakesAFailedShouldSpecAFailure() throws Exception {
    RunReport sample = SampleReports.sample();
    RunReport strict = new RunReport(sample.kit(), sample.kind(), sample.target(), true, sample.results(), 1);
    Document doc = parse(render(strict));
    assertThat(testcase(doc, "tcp.backlog").getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void severalRunsAreTestsuites() throws Exception {
    StringWriter text = new StringWriter();
    new JunitXmlReporter().renderAll(List.of(SampleReports.sample(), SampleReports.sample()), new PrintWriter(text));
    Document doc = parse(text.toString());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
  }
}
