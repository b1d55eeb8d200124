package org.sockspec.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.internal.ReferenceJar;
import org.sockspec.bench.internal.SubmissionCopy;
import org.sockspec.bench.internal.TarArchive;

/**
 * Makes {@link Target}s: one of the kit's reference programs, told its lab's protocol by its options,
 * or anyone's own files, copied from their folder (never a file outside it) with how they are built
 * and run.
 */
public final class Targets {
  /** The source of every reference program: the kit itself. */
  private static final String REFERENCE = "the kit's reference programs";
  private static final String LAB_DIR = Target.LAB_DIR;
  private static final String PORT_PLACEHOLDER = Target.PORT_PLACEHOLDER;

  private Targets() {}

  /**
   * A reference program of the impl module, e.g. {@code srv_tcp}, with a planted defect or null.
   * Port and protocol are passed to it as options (those of the handout's protocol are left out, but
   * a server's answer).
   */
  public static Target reference(Kind kind, String program, String defect, int port, LabProtocol protocol) {
    List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xshare:auto", "-jar", ReferenceJar.NAME, program, "--port", Integer.toString(port)));
    cmd.addAll(protocolOptions(kind, protocol));
    if (defect != null && !defect.isBlank()) {
      cmd.addAll(List.of("--defect", defect));
    }
    String name = "reference " + program + (defect == null || defect.isBlank() ? "" : " --defect " + defect);
    // Without the reference programs on the class path (a kit built without them), the command
    // names a jar that is not there, and java says so.
    TarArchive jar = new TarArchive();
    ReferenceJar.bytes().ifPresent(bytes -> jar.add(LAB_DIR.substring(1) + "/" + ReferenceJar.NAME, bytes, false));
    return new Target(kind, cmd, jar, name, port, protocol, List.of(), REFERENCE, Optional.empty());
  }

  /**
   * Someone's program: a file, run as its {@link Language} says ({@code .py} with python3, {@code
   * .jar} with java -jar, a C, C++, Go or Java source built first and its output run, {@code .js}
   * with node, anything else directly), copied with the other files of its folder; or a folder with
   * {@code command} (a Go module or a Makefile's folder is built first). {@code build}, when given,
   * is the build command instead of the language's. Nothing outside the folder is ever opened (see
   * {@link Target#leftOut()}).
   *
   * @throws RejectedProgramException when the program file is a link the copy does not follow (out
   *     of its folder, dangling, a loop) or a special file
   * @throws IllegalArgumentException when nothing says how to run what a Makefile builds
   */
  public static Target program(Kind kind, Path path, String command, String build, int port, LabProtocol protocol) {
    boolean folder = Files.isDirectory(path);
    Path dir = folder ? path : path.toAbsolutePath().getParent();
    if (!folder) {
      SubmissionCopy.problemOf(dir, path.toAbsolutePath()).ifPresent(problem -> {
        throw new RejectedProgramException(path, problem);
      });
    }
    SubmissionCopy.Result copy = SubmissionCopy.of(dir, LAB_DIR.substring(1));
    String name = path.toAbsolutePath().normalize().getFileName() == null ? "program"
        : path.toAbsolutePath().normalize().getFileName().toString();
    Optional<Language> language = folder ? Language.ofFolder(topNames(copy.files()))
        : Optional.of(Language.ofFile(name));
    byte[] source = folder ? null : copy.files().content(LAB_DIR.substring(1) + "/" + name);
    boolean given = command != null && !command.isBlank();
    List<String> cmd;
    if (given) {
      cmd = List.of("/bin/sh", "-c", command.replace(PORT_PLACEHOLDER, Integer.toString(port)) + " \"$@\"", "sh");
    } else {
      cmd = language.flatMap(l -> l.runCommand(name, source)).orElseThrow(() -> new IllegalArgumentException(
          "'" + path + "' is " + (language.isPresent() ? "built by its Makefile" : "a folder")
          + ": say which program to run with --cmd (or the lab manifest's cmd), e.g. --cmd \"./server {port}\"."));
    }
    Optional<Build> made = build != null && !build.isBlank() ? Optional.of(new Build(build.strip(), "--build"))
        : language.flatMap(l -> l.buildCommand(name, source).map(line -> new Build(line, l.description())));
    return new Target(kind, cmd, copy.files(), path.toString(), port, protocol, copy.leftOut(), realFolder(dir), made);
  }

  /** As {@link #program(Kind, Path, String, String, int, LabProtocol)} with the language's build. */
  public static Target program(Kind kind, Path path, String command, int port, LabProtocol protocol) {
    return program(kind, path, command, null, port, protocol);
  }

  /** The names at the top of the copied folder. */
  private static java.util.Set<String> topNames(TarArchive files) {
    java.util.Set<String> names = new java.util.HashSet<>();
    String prefix = LAB_DIR.substring(1) + "/";
    for (String path : files.paths()) {
      String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
      names.add(rest.split("/", 2)[0]);
    }
    return names;
  }

  private static String realFolder(Path dir) {
    try {
      return dir.toRealPath().toString();
    } catch (java.io.IOException e) {
      return dir.toAbsolutePath().normalize().toString();
    }
  }

  /**
   * A reference program's options for {@code protocol}: a server's answer always, and whatever else
   * differs from the handout's protocol (a client needs the rule, the framing, the end and the
   * greeting to talk to its server; the after-end and the UDP buffer are a server's).
   */
  private static List<String> protocolOptions(Kind kind, LabProtocol protocol) {
    List<String> options = new ArrayList<>();
    LabProtocol handout = LabProtocol.HANDOUT;
    if (kind.isServer() || !protocol.answer().equals(handout.answer())) {
      options.addAll(List.of("--answer", protocol.answer().text()));
    }
    if (protocol.framing() != handout.framing()) {
      options.addAll(List.of("--framing", protocol.framing().wire()));
    }
    if (!protocol.end().equals(handout.end())) {
      options.addAll(List.of("--end", protocol.end().orElse("none")));
    }
    if (!protocol.endAnswered()) {
      options.addAll(List.of("--end-answered", "no"));
    }
    protocol.greeting().ifPresent(text -> options.addAll(List.of("--greeting", text)));
    if (kind.isServer()) {
      protocol.afterEnd().ifPresent(what -> options.addAll(List.of("--after-end", what.wire())));
      if (kind.protocol() == org.sockspec.probe.protocol.Protocol.UDP && protocol.udpBuffer() != handout.udpBuffer()) {
        options.addAll(List.of("--udp-buffer", Integer.toString(protocol.udpBuffer())));
      }
    }
    return options;
  }
  /**
   * Why {@code program}, a file named in {@code folder}, cannot be run: a link the copy does not
   * follow (out of its folder, dangling, a loop) or a special file; empty when it can be, or when it
   * is not there at all. Nothing outside the folder is opened.
   */
  public static Optional<LeftOut> problemOf(Path folder, Path program) {
    return SubmissionCopy.problemOf(folder, program);
  }

  /** What copying {@code folder} would leave out, and why, without reading any file's content. */
  public static List<LeftOut> leftOut(Path folder) {
    return SubmissionCopy.leftOut(folder);
  }
}
