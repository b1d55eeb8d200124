package org.sockspec.spec;

import org.opentest4j.AssertionFailedError;
import org.sockspec.bench.Evidence;

/**
 * A spec's failure, for a student: the spec id and handout question, what was expected and what
 * was seen (the headline), and the evidence (transcript, socket table, processes, the program's
 * output); for programs, its {@link Cause}. The message carries all of it but the cause, so even a
 * plain JUnit report is readable; reports that know this type lay the parts out themselves.
 */
public final class SpecFailure extends AssertionFailedError {
  private static final long serialVersionUID = 1L;
  private final String specId;
  private final String headline;
  private final transient Evidence evidence;
  private final Cause why;

  public SpecFailure(SpecInfo spec, String headline, Cause why, Evidence evidence, Throwable thrown) {
    super(render(spec, headline, evidence), thrown);
    this.specId = spec.id();
    this.headline = headline;
    this.why = why;
    this.evidence = evidence;
  }

  private static String render(SpecInfo spec, String headline, Evidence evidence) {
    StringBuilder out = new StringBuilder("[").append(spec.id());
    if (!spec.question().isEmpty()) {
      out.append(", handout question ").append(spec.question());
    }
    out.append("] ").append(headline);
    if (!spec.hint().isEmpty()) {
      out.append("\nHint: ").append(spec.hint());
    }
    evidence.asMap().forEach((name, value) -> out.append("\n--- ").append(name).append(" ---\n").append(value));
    return out.toString();
  }

  public String specId() {
    return specId;
  }

  /** Expected, seen, where: without the evidence. */
  public String headline() {
    return headline;
  }

  /** Why it failed, as data. */
  public Cause why() {
    return why;
  }

  public Evidence evidence() {
    return evidence == null ? new Evidence() : evidence;
  }
}
