package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A compiler's errors and warnings, as the verdict names them, from what gcc, javac, go and make print. */
class BuildResultTest {
  private static BuildResult failed(String log) {
    return new BuildResult(new Build("cc -o srv srv.c", "C"), 1, null, log, 10, false, null);
  }

  @Test
  void gccsErrorsAndWarnings() {
    BuildResult build = failed("""
        srv.c: In function 'main':
        srv.c:7:5: error: expected ',' or ';' before 'printf'
        srv.c:9:12: warning: unused variable 'x' [-Wunused-variable]
        srv.c:12:1: error: 'PORT' undeclared (first use in this function)
        """);
    assertThat(build.ok()).isFalse();
    assertThat(build.failure()).contains("exited with status 1");
    assertThat(build.errors()).containsExactly("srv.c:7:5: error: expected ',' or ';' before 'printf'",
        "srv.c:12:1: error: 'PORT' undeclared (first use in this function)");
    assertThat(build.warnings()).containsExactly("srv.c:9:12: warning: unused variable 'x' [-Wunused-variable]");
  }

  @Test
  void javacGoAndTheLinker() {
    assertThat(failed("Srv.java:3: error: ';' expected\n    int x = 1\n             ^\n1 error\n").errors())
        .containsExactly("Srv.java:3: error: ';' expected");
    assertThat(failed("# command-line-arguments\n./srv.go:4:2: undefined: fmtt\n").errors())
        .containsExactly("./srv.go:4:2: undefined: fmtt");
    assertThat(failed("/usr/bin/ld: srv.o: in function `main':\nsrv.c:(.text+0x1c): undefined reference to `serve'\n"
        + "collect2: error: ld returned 1 exit status\nmake: *** [Makefile:4: server] Error 1\n").errors())
        .containsExactly("collect2: error: ld returned 1 exit status", "make: *** [Makefile:4: server] Error 1");
  }

  @Test
  void withoutARecognisedErrorTheLogsLastLinesAreNamed() {
    BuildResult build = new BuildResult(new Build("make", "a Makefile"), null, "its bound of 120 s",
        "one\ntwo\n\nthree\n", 120_000, false, null);
    assertThat(build.failure()).contains("was stopped by its bound of 120 s");
    assertThat(build.errors()).containsExactly("one", "two", "three");
  }

  @Test
  void aBuildThatWarnsHasBuilt() {
    BuildResult build = new BuildResult(new Build("cc -o srv srv.c", "C"), 0, null,
        "srv.c:9:12: warning: unused variable 'x'\n", 10, false, null);
    assertThat(build.ok()).isTrue();
    assertThat(build.failure()).isEmpty();
    assertThat(build.errors()).isEmpty();
    assertThat(build.warnings()).hasSize(1);
  }
}
