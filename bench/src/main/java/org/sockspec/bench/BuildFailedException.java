package org.sockspec.bench;

/** A program's build failed: a verdict on the program (its every spec fails for it), not a kit error. */
public final class BuildFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient BuildResult result;

  public BuildFailedException(BuildResult result) {
    super("the build (" + result.build().command() + ") " + result.failure().orElse("failed"));
    this.result = result;
  }

  public BuildResult result() {
    return result;
  }
}
