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
 * What the specs run against, as plain data: a program, the kind it claims to be, its port and its
 * lab's protocol ({@link LabProtocol}). Either one of the kit's reference programs (with an optional
 * planted defect), told the protocol by its options, or anyone's own files, copied read-only into
 * the target at /lab (never a file outside their folder).
 *
 * <p>The command runs in /lab as uid 1000. A command may hold {@code {port}}, replaced by the port,
 * and a client's {@code {host}}, replaced by the server's address, 127.0.0.1; a client whose command
 * does not name its host is given it as its one argument.
 */
public final class Target {
  public static final int DEFAULT_PORT = 12800;
  public static final String LAB_DIR = "/lab";
  /** Where a command names the port, and a client's the server's address. */
  public static final String PORT_PLACEHOLDER = "{port}";
  public static final String HOST_PLACEHOLDER = "{host}";

  private final Kind kind;
  private final List<String> command;
  private final TarArchive files;
  private final String description;
  private final int port;
  private final LabProtocol protocol;
  private final List<LeftOut> leftOut;
  private final String source;
  private final Optional<Build> build;

  /** The source of every reference program: the kit itself. */
  private static final String REFERENCE = "the kit's reference programs";

  private Target(Kind kind, List<String> command, TarArchive files, String description, int port,
      LabProtocol protocol, List<LeftOut> leftOut, String source, Optional<Build> build) {
    this.kind = kind;
    this.build = build;
    this.source = source;
    this.leftOut = List.copyOf(leftOut);
    this.command = List.copyOf(command);
    this.files = files;
    this.description = description;
    this.port = port;
    this.protocol = protocol;
  }

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
   * {@link #leftOut()}).
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

  /**
   * How the program is built before it runs, if it is: the build's command, run in a writable copy
   * of its folder (see {@link Builds}). Empty for a program that runs as it is, or once built.
   */
  public Optional<Build> build() {
    return build;
  }

  /**
   * This target once built: its folder as the build left it ({@code tree}, at {@code lab/...}), run
   * as before, with nothing left to build.
   */
  Target built(TarArchive tree) {
    return new Target(kind, command, tree, description, port, protocol, leftOut, source, Optional.empty());
  }

  /** A copy of this target with another claimed kind (the same program checked as something else). */
  public Target as(Kind other) {
    return new Target(other, command, files, description, port, protocol, leftOut, source, build);
  }

  /**
   * Whose the program is: the real path of its folder (a student's, in {@code grade}), or the kit's
   * for a reference program. What a program leaves that others pay for is charged to its source.
   */
  public String source() {
    return source;
  }

  private static String realFolder(Path dir) {
    try {
      return dir.toRealPath().toString();
    } catch (java.io.IOException e) {
      return dir.toAbsolutePath().normalize().toString();
    }
  }

  /** The files of the program's folder that were not copied into the sandbox, and why. */
  public List<LeftOut> leftOut() {
    return leftOut;
  }

  public Kind kind() {
    return kind;
  }

  public List<String> command() {
    return command;
  }

  public String description() {
    return description;
  }

  public int port() {
    return port;
  }

  /** The lab's protocol the program is judged by. */
  public LabProtocol protocol() {
    return protocol;
  }

  /** The command a client is started with: its host where it says {@code {host}}, else as its last argument. */
  public List<String> clientCommand(String host) {
    boolean named = command.stream().anyMatch(word -> word.contains(HOST_PLACEHOLDER));
    List<String> line = new ArrayList<>(command.stream().map(word -> word.replace(HOST_PLACEHOLDER, host)).toList());
    if (!named) {
      line.add(host);
    }
    return line;
  }

  /** The command without any argument for the host (a client's usage check): {@code {host}} left out. */
  public List<String> commandWithoutHost() {
    return command.stream().map(word -> word.replace(" " + HOST_PLACEHOLDER, "").replace(HOST_PLACEHOLDER, ""))
        .toList();
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

  /** The program's files, at {@code lab/...} (for a reference program, the kit's reference jar). */
  public TarArchive files() {
    return files;
  }

  @Override
  public String toString() {
    return description + " as " + kind;
  }
}
