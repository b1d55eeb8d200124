package org.sockspec.cli.pool;

import org.sockspec.bench.EngineAddress;

/**
 * One engine of a grader's pool, as its line of the engines file names it.
 *
 * @param number its place in the file, from 1: "engine 2" in the progress and the summary
 * @param jobs how many students it grades at once
 */
public record EngineLine(int number, EngineAddress address, int jobs) {
  /** "engine 2 (unix:///run/sockspec-engine-2.sock)": how a person is told which. */
  public String name() {
    return "engine " + number + " (" + address.url() + ")";
  }
}
