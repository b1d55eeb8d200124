package org.sockspec.cli;

import org.sockspec.cli.report.RunReport;

/**
 * Runs the catalogue for one {@link RunRequest} and returns one result per planned spec. The
 * commands depend on this, not on JUnit, so their logic is tested without containers.
 */
public interface SpecRunner {
  /**
   * @throws org.sockspec.bench.EngineUnavailableException when containers cannot run
   *     (the run is stopped at the first spec that finds out)
   */
  RunReport run(RunRequest request, SpecListener listener);
}
