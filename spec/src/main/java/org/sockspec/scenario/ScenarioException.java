package org.sockspec.scenario;

/**
 * A scenario file that cannot be used as written: the message names the file, the line and the key,
 * what is wrong, and the valid forms. Nothing of a lab with such a file is run.
 */
public final class ScenarioException extends IllegalArgumentException {
  public ScenarioException(String message) {
    super(message);
  }
}
