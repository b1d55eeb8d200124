package org.sockspec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void aFileIsKnownByItsExtension() {
    assertThat(Language.ofFile("srv_tcp.py")).isEqualTo(Language.PYTHON);
    assertThat(Language.ofFile("Server.JAVA")).isEqualTo(Language.JAVA);
    assertThat(Language.ofFile("srv.cc")).isEqualTo(Language.CPP);
    assertThat(Language.ofFile("srv.c")).isEqualTo(Language.C);
    assertThat(Language.ofFile("srv.go")).isEqualTo(Language.GO);
    assertThat(Language.ofFile("srv.mjs")).isEqualTo(Language.NODE);
    assertThat(Language.ofFile("server")).isEqualTo(Language.EXECUTABLE);
    assertThat(Language.ofFile("srv.sh")).isEqualTo(Language.EXECUTABLE);
  }

  @Test
  void aFolderIsKnownByItsGoModOrMakefile() {
    assertThat(Language.ofFolder(Set.of("go.mod", "main.go"))).contains(Language.GO_MODULE);
    assertThat(Language.ofFolder(Set.of("Makefile", "server.c"))).contains(Language.MAKE);
    assertThat(Language.ofFolder(Set.of("server.py"))).isEmpty();
  }

  @Test
  void eachLanguageIsBuiltAndRunAsAStudentWould() {
    assertThat(Language.C.buildCommand("srv_tcp.c", null)).contains("cc -O2 -Wall -o srv_tcp srv_tcp.c");
    assertThat(Language.C.runCommand("srv_tcp.c", null)).contains(List.of("./srv_tcp"));
    assertThat(Language.CPP.buildCommand("srv.cpp", null)).contains("c++ -O2 -Wall -o srv srv.cpp");
    assertThat(Language.GO.buildCommand("srv.go", null)).contains("go build -o srv srv.go");
    assertThat(Language.GO_MODULE.buildCommand("echo", null)).contains("go build -o echo .");
    assertThat(Language.GO_MODULE.runCommand("echo", null)).contains(List.of("./echo"));
    assertThat(Language.MAKE.buildCommand("lab", null)).contains("make");
    assertThat(Language.MAKE.runCommand("lab", null)).isEmpty();
    assertThat(Language.NODE.buildCommand("srv.js", null)).isEmpty();
    assertThat(Language.NODE.runCommand("srv.js", null)).contains(List.of("node", "srv.js"));
    assertThat(Language.PYTHON.buildCommand("srv.py", null)).isEmpty();
  }

  @Test
  void aJavaSourceRunsAsItsClassInItsPackage() {
    byte[] plain = "import java.net.*;\npublic class SrvTcp {}".getBytes(StandardCharsets.UTF_8);
    byte[] packaged = "// a server\npackage lab.sockets;\npublic class SrvTcp {}".getBytes(StandardCharsets.UTF_8);
    assertThat(Language.JAVA.buildCommand("SrvTcp.java", plain)).contains("javac -d . SrvTcp.java");
    assertThat(Language.JAVA.runCommand("SrvTcp.java", plain)).contains(List.of("java", "-cp", ".", "SrvTcp"));
    assertThat(Language.JAVA.runCommand("SrvTcp.java", packaged)).contains(List.of("java", "-cp", ".", "lab.sockets.SrvTcp"));
  }

  @Test
  void aNameTheShellWouldReadOtherwiseIsQuoted() {
    assertThat(Language.C.buildCommand("my server's.c", null))
        .isEqualTo(Optional.of("cc -O2 -Wall -o 'my server'\\''s' 'my server'\\''s.c'"));
    assertThat(Language.C.buildCommand("$(reboot).c", null)).contains("cc -O2 -Wall -o '$(reboot)' '$(reboot).c'");
  }
}
