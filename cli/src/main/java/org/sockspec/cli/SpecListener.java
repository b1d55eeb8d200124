package org.sockspec.cli;

import org.sockspec.cli.report.SpecResult;
import org.sockspec.spec.SpecInfo;

/** Told as each spec of a run starts and ends, while the run goes on (the live text lines). */
public interface SpecListener {
  SpecListener NONE = new SpecListener() {};

  default void started(SpecInfo spec) {}

  default void finished(SpecResult result) {}
}
