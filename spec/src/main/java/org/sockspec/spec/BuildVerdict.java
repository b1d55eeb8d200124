package org.sockspec.spec;

import java.util.List;
import org.sockspec.bench.BuildResult;

/** The sentence a student reads when their program does not build. */
public final class BuildVerdict {
  private BuildVerdict() {}

  /**
   * "Expecting the program to build, but `cc ...` exited with status 1: srv.c:12:5: error: ... (and 2
   * more errors)": the first error, the count of the rest; the report shows them all once.
   */
  public static String sentence(BuildResult build) {
    List<String> errors = build.errors();
    String first = errors.isEmpty() ? "" : ": " + errors.get(0).strip()
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    return "Expecting the program to build, but `" + build.build().command() + "` "
        + build.failure().orElse("failed") + first;
  }
}
