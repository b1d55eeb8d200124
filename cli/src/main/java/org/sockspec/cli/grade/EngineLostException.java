package org.sockspec.cli.grade;

/**
 * The engine a student was being graded on broke contact: nothing graded there since can be
 * trusted, and the student is graded again on another engine. Never a verdict.
 */
final class EngineLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EngineLostException(String message) {
    super(message);
  }
}
