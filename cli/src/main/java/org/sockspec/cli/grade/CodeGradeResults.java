package org.sockspec.cli.grade;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A student's grade as CodeGrade's Unit Test step reads it: JUnit XML written where
 * {@code $CG_JUNIT_XML_LOCATION} says. CodeGrade scores the step as the share of its test cases that
 * pass, times the step's weight, and has no weight per test case; so each spec is written as as many
 * test cases as it has points (in the smallest unit the lab's points share: a lab of whole points,
 * one case a point), all passing or failing together, and a step weighted by the lab's total then
 * scores exactly the points earned. A spec worth nothing (INFO) is left out: it would only dilute
 * the others. Each case's failure carries the spec's message: verdict, expected and seen, hint,
 * cause and evidence.
 */
public final class CodeGradeResults {
  private CodeGradeResults() {}

  public static String render(StudentGrade grade, String kit) {
    List<GradedSpec> graded = grade.specs().stream().filter(s -> s.maxPoints() > 0).toList();
    BigDecimal unit = unit(graded.stream().map(GradedSpec::maxPoints).toList());
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      int cases = graded.stream().mapToInt(s -> units(s.maxPoints(), unit)).sum();
      int failures = graded.stream().filter(s -> s.verdict() != Verdict.PASSED).mapToInt(s -> units(s.maxPoints(), unit))
          .sum();
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "sockspec " + kit);
      xml.writeAttribute("tests", Integer.toString(cases));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeCharacters("\n");
      String program = null;
      for (GradedSpec spec : graded) {
        if (!spec.column().file().equals(program)) {
          if (program != null) {
            xml.writeEndElement();
            xml.writeCharacters("\n");
          }
          program = spec.column().file();
          List<GradedSpec> ofProgram = graded.stream().filter(s -> s.column().file().equals(spec.column().file()))
              .toList();
          xml.writeCharacters("  ");
          xml.writeStartElement("testsuite");
          xml.writeAttribute("name", program);
          xml.writeAttribute("tests", Integer.toString(ofProgram.stream().mapToInt(s -> units(s.maxPoints(), unit)).sum()));
          xml.writeAttribute("failures", Integer.toString(ofProgram.stream().filter(s -> s.verdict() != Verdict.PASSED)
              .mapToInt(s -> units(s.maxPoints(), unit)).sum()));
          xml.writeCharacters("\n");
        }
        int n = units(spec.maxPoints(), unit);
        for (int i = 1; i <= n; i++) {
          xml.writeCharacters("    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", program);
          xml.writeAttribute("name", spec.column().spec().id() + (n == 1 ? "" : " (" + i + " of " + n + ")"));
          xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", spec.result().durationMs() / 1000.0));
          if (spec.verdict() != Verdict.PASSED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", spec.verdictText());
            xml.writeAttribute("type", spec.result().why().map(c -> c.kind()).orElse(spec.verdict().code()));
            if (i == 1) { // the message once, under the spec's first case
              xml.writeCharacters(spec.hidden() ? "a hidden spec: its details are shown once grades are released"
                  : GradescopeResults.output(spec));
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
      }
      if (program != null) {
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit XML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** The largest amount every spec's points are a whole number of (points to two decimals). */
  static BigDecimal unit(List<Double> points) {
    BigInteger gcd = BigInteger.ZERO;
    for (double p : points) {
      gcd = gcd.gcd(BigDecimal.valueOf(p).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP)
          .toBigIntegerExact());
    }
    return gcd.signum() == 0 ? BigDecimal.ONE : new BigDecimal(gcd).movePointLeft(2);
  }

  static int units(double points, BigDecimal unit) {
    return BigDecimal.valueOf(points).divide(unit, 0, java.math.RoundingMode.HALF_UP).intValueExact();
  }
}
