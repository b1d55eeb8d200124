package org.sockspec.spec;

/**
 * The failure of a domain assertion, its message exactly the sentence given ("Expecting ... but
 * ..."). AssertJ's {@code failWithMessage} would put the assertion's description in front again
 * ("[client B] Expecting client B ..."), where these messages already weave it into the sentence.
 */
final class Headline {
  private Headline() {}

  static AssertionError of(String format, Object... arguments) {
    return new AssertionError(String.format(format, arguments));
  }
}
