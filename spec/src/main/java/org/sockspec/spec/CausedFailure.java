package org.sockspec.spec;

/**
 * The failure of a domain assertion: its message exactly the sentence a student reads ("Expecting
 * ... but ..."), its {@link Cause} what reports and the grader read. AssertJ's
 * {@code failWithMessage} would put the assertion's description in front again ("[client B]
 * Expecting client B ..."), where these messages already weave it into the sentence.
 */
public final class CausedFailure extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final Cause cause;

  public CausedFailure(Cause cause, String message) {
    super(message);
    this.cause = cause;
  }

  /** Fails with {@code format}'s sentence, for {@code cause}. */
  public static CausedFailure of(Cause cause, String format, Object... arguments) {
    return new CausedFailure(cause, String.format(format, arguments));
  }

  /** Why, as data. */
  public Cause why() {
    return cause;
  }
}
