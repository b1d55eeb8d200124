package org.sockspec.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sockspec.bench.Bench;
import org.sockspec.bench.RunningProgram;
import org.sockspec.spec.Cause;
import org.sockspec.spec.CausedFailure;

/**
 * What a server printed of a long datagram, where its answer cannot tell what it read (it answers
 * a constant, or nothing) and it prints in its own words, not the handout's {@code Received b'...'}:
 * its output must hold the datagram's first bytes, as many as the lab's buffer, and not one more.
 */
final class Printed {
  private Printed() {}

  /** The program printed exactly the first {@code buffer} bytes of {@code text}: them, and never the byte after. */
  static void showsExactlyTheFirst(Bench bench, RunningProgram program, byte[] text, int buffer) {
    String output = program.output().text();
    String first = new String(Arrays.copyOf(text, buffer), StandardCharsets.US_ASCII);
    String more = new String(Arrays.copyOf(text, buffer + 1), StandardCharsets.US_ASCII);
    bench.observe("the server printed it received", output.contains(more) ? "more than the first " + buffer
        + " bytes of the long text" : output.contains(first) ? "the long text's first " + buffer + " bytes"
        : "nothing of the long text that the kit can find");
    if (!output.contains(first) || output.contains(more)) {
      String shown = first.length() <= 60 ? first : first.substring(0, 30) + "..." + first.substring(first.length() - 20);
      String seen = output.contains(more) ? "more than " + buffer + " bytes of it" : "none of it";
      throw CausedFailure.of(new Cause.PrintedLines("the first " + buffer + " bytes of the long text", seen),
          "Expecting the server to print that it received the long text's first %d bytes, \"%s\", and no more (a "
          + "server of this lab reads %d bytes of a datagram; it prints what it received: it is how this spec sees "
          + "it), but it printed %s. The end of its output:\n%s", buffer, shown, buffer, seen, program.output().tail(12));
    }
  }
}
