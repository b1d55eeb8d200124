package org.sockspec.probe;

/** A request the probe cannot carry out; its message goes back to the kit as the answer's error. */
final class ProbeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProbeException(String message) {
    super(message);
  }
}
