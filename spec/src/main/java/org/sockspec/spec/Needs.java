package org.sockspec.spec;

import org.sockspec.bench.LabProtocol;

/**
 * What a spec needs of the lab's protocol to apply at all: a spec about answers does not apply to a
 * lab whose server never answers, one about truncation to a lab with no truncation behaviour. Such
 * a spec is skipped, and reports say why (it does not apply to the lab, not to the program).
 */
public enum Needs {
  /** The lab's server answers its messages (its rule is not {@code none}). */
  ANSWERS("the lab's server never answers (--answer none)"),
  /** The lab's UDP server reads fewer bytes than a datagram may hold (its buffer is from 1 to 65506). */
  TRUNCATION("the lab has no truncation behaviour (--udp-buffer 0)");

  private final String whenMissing;

  Needs(String whenMissing) {
    this.whenMissing = whenMissing;
  }

  /** Whether {@code protocol} gives what this needs. */
  public boolean metBy(LabProtocol protocol) {
    return switch (this) {
      case ANSWERS -> protocol.answer().answers();
      case TRUNCATION -> protocol.truncates();
    };
  }

  /** Why a spec needing this does not apply to a lab that lacks it. */
  public String whenMissing() {
    return whenMissing;
  }
}
