package org.sockspec.bench;

/**
 * The environment cannot run containers: no engine, a misconfiguration, or a missing image. Its
 * message says what to install, start or set; the CLI maps it to exit status 3.
 */
public final class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
