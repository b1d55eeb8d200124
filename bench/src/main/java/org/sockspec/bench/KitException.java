package org.sockspec.bench;

/**
 * Something went wrong in the kit, not in the program under test: a lost probe, an engine error.
 * Reports show it as an error, never as the program's failure, and a grader retries it.
 */
public final class KitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KitException(String message) {
    super(message);
  }

  public KitException(String message, Throwable cause) {
    super(message, cause);
  }
}
