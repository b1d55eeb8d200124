package org.sockspec.cli.report;

import java.io.PrintWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Maven Surefire writes it, which CI test-report readers accept: one
 * {@code <testsuite>} per run, one {@code <testcase>} per spec (name: the spec id; classname:
 * {@code sockspec.KIND}). A failure that fails the check is a {@code <failure>}, a kit error on a
 * spec that counts an {@code <error>}; a failure or error that does not count (a SHOULD spec
 * without --strict, an INFO spec) is {@code <skipped>} with its message, so a CI's red matches the
 * exit status. Several runs (the demo) are wrapped in {@code <testsuites>}.
 */
public final class JunitXmlReporter implements Reporter {
  private static final TextReporter PLAIN = new TextReporter(Style.PLAIN);

  @Override
  public void render(RunReport report, PrintWriter out) {
    write(List.of(report), false, out);
  }

  @Override
  public void renderAll(List<RunReport> reports, PrintWriter out) {
    write(reports, true, out);
  }

  private static void write(List<RunReport> reports, boolean wrapped, PrintWriter out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      String indent = "\n";
      if (wrapped) {
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "sockspec");
        indent = "\n  ";
      }
      for (RunReport report : reports) {
        xml.writeCharacters(indent);
        suite(xml, report, indent);
      }
      if (wrapped) {
        xml.writeCharacters("\n");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit XML report: " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, RunReport report, String indent) throws XMLStreamException {
    boolean strict = report.strict();
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", clean(report.target() + " as " + report.kind()));
    xml.writeAttribute("tests", Integer.toString(report.results().size()));
    xml.writeAttribute("failures", Long.toString(report.results().stream().filter(r -> r.failsCheck(strict)).count()));
    xml.writeAttribute("errors", Long.toString(report.results().stream().filter(r -> r.leavesCheckUndecided(strict)).count()));
    xml.writeAttribute("skipped", Long.toString(report.results().stream().filter(r -> skipped(r, strict)).count()));
    xml.writeAttribute("time", Texts.seconds(report.durationMs()));
    String inner = indent + "  ";
    xml.writeCharacters(inner);
    xml.writeStartElement("properties");
    property(xml, inner + "  ", "sockspec.kit", report.kit());
    property(xml, inner + "  ", "sockspec.kind", report.kind());
    property(xml, inner + "  ", "sockspec.target", report.target());
    property(xml, inner + "  ", "sockspec.strict", Boolean.toString(strict));
    for (org.sockspec.bench.LeftOut entry : report.leftOut()) {
      property(xml, inner + "  ", "sockspec.notCopied", Texts.oneLine(entry.describe()));
    }
    xml.writeCharacters(inner);
    xml.writeEndElement();
    for (SpecResult r : report.results()) {
      xml.writeCharacters(inner);
      testcase(xml, r, report, inner);
    }
    xml.writeCharacters(indent);
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, SpecResult r, RunReport report, String indent)
      throws XMLStreamException {
    boolean strict = report.strict();
    String element = r.failsCheck(strict) ? "failure" : r.leavesCheckUndecided(strict) ? "error"
        : skipped(r, strict) ? "skipped" : null;
    if (element == null) {
      xml.writeEmptyElement("testcase");
      caseAttributes(xml, r, report);
      return;
    }
    xml.writeStartElement("testcase");
    caseAttributes(xml, r, report);
    xml.writeCharacters(indent + "  ");
    xml.writeStartElement(element);
    xml.writeAttribute("message", clean(Texts.firstLine(message(r, strict))));
    if (!element.equals("skipped")) {
      // The cause's kind, as a test framework puts the exception's type there.
      xml.writeAttribute("type", r.why().map(org.sockspec.spec.Cause::kind).orElse(r.level().name()));
    }
    if (r.status() != Status.SKIPPED) {
      xml.writeCharacters(clean(PLAIN.detail(r, strict)));
    }
    xml.writeEndElement();
    xml.writeCharacters(indent);
    xml.writeEndElement();
  }

  private static void caseAttributes(XMLStreamWriter xml, SpecResult r, RunReport report) throws XMLStreamException {
    xml.writeAttribute("name", r.id());
    xml.writeAttribute("classname", "sockspec." + report.kind());
    xml.writeAttribute("time", Texts.seconds(r.durationMs()));
  }

  private static boolean skipped(SpecResult r, boolean strict) {
    return r.status() == Status.SKIPPED || (r.status() == Status.FAILED && !r.failsCheck(strict))
        || (r.status() == Status.ERROR && !r.leavesCheckUndecided(strict));
  }

  private static String message(SpecResult r, boolean strict) {
    if (r.status() == Status.FAILED && !r.failsCheck(strict)) {
      return r.level() + " spec not met (does not fail the check): " + r.message();
    }
    if (r.status() == Status.ERROR) {
      return "kit error (not a verdict on the program): " + r.message();
    }
    return r.message();
  }

  private static void property(XMLStreamWriter xml, String indent, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters(indent);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  /** Only characters XML 1.0 allows; a program's output may hold any byte. */
  private static String clean(String text) {
    return Texts.printable(text);
  }
}
