package org.sockspec.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.bench.Language;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.RejectedProgramException;
import org.sockspec.bench.Target;
import org.sockspec.bench.Targets;
import org.sockspec.cli.grade.LabManifest;
import org.sockspec.cli.grade.LabProgram;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The program under test as the user names it (PATH, --cmd, --port, the lab's protocol, --lab,
 * --timescale), validated before anything starts and turned into the catalogue's configuration
 * parameters. A lab manifest ({@code --lab}) gives the protocol, port and command of the program it
 * names; a flag given overrides it.
 */
final class TargetOptions {
  @Parameters(index = "0", paramLabel = "PATH", description = "Your program: a .py file (run with python3), "
      + "a .jar (java -jar), a .c, .cpp, .go or .java source (built first), a .js (node), an executable, a "
      + "folder with a go.mod or a Makefile, or any folder with --cmd. Its folder is copied into the "
      + "container read-only.")
  String path;

  @Option(names = "--build", paramLabel = "COMMAND", description = "How to build the program, run by sh in a "
      + "writable copy of its folder before its first spec (default: as its language says, e.g. cc -O2 -Wall "
      + "-o srv srv.c); --cmd then says how to run what it built.")
  String build;

  @Option(names = "--cmd", paramLabel = "COMMAND", description = "How to start the program, run by sh "
      + "in its folder, e.g. \"python3 server.py {port}\" (needed for a folder): {port} is replaced by the "
      + "port, a client's {host} by the server's address (without {host}, a client gets it as its last argument).")
  String cmd;

  @Option(names = "--port", paramLabel = "N", converter = Converters.PortConverter.class,
      description = "The port the program uses (default: 12800, the handout's, or the lab manifest's).")
  Integer port;

  @Mixin
  ProtocolOptions protocol = new ProtocolOptions();

  @Option(names = "--lab", paramLabel = "FILE", description = "The lab's manifest (TOML, see 'sockspec grade "
      + "--print-lab'): the protocol, port and command of the program it names; a flag given overrides it.")
  Path lab;

  @Option(names = "--timescale", paramLabel = "X", converter = Converters.TimeScaleConverter.class,
      description = "Multiply every wait by X (default: ${DEFAULT-VALUE}); 2 or 3 on a slow or busy machine.")
  double timescale = 1.0;

  /** What the copy of the program's folder left out, known once {@link #parameters} has run. */
  private List<LeftOut> leftOut = List.of();
  private LabManifest manifest;

  /** The lab manifest {@code --lab} names, read once; empty without one. @throws IllegalArgumentException */
  Optional<LabManifest> manifest() {
    if (lab != null && manifest == null) {
      manifest = LabManifest.read(lab);
    }
    return Optional.ofNullable(manifest);
  }

  /** The program's file (or folder) name, as a lab manifest's [programs] names it. */
  String fileName() {
    Path name = Path.of(path).getFileName();
    return name == null ? null : name.toString();
  }

  /**
   * The program of the lab manifest this one is: the one its file is named as, else the only one of
   * {@code kind}; empty without a manifest or when it names none.
   */
  Optional<LabProgram> labProgram(Optional<Kind> kind) {
    return manifest().flatMap(lab -> {
      Optional<LabProgram> named = Optional.ofNullable(Path.of(path).getFileName())
          .flatMap(name -> lab.program(name.toString()));
      if (named.isPresent()) {
        return named;
      }
      List<LabProgram> ofKind = lab.programs().values().stream().filter(p -> kind.filter(p.kind()::equals).isPresent())
          .toList();
      return ofKind.size() == 1 ? Optional.of(ofKind.get(0)) : Optional.empty();
    });
  }

  /**
   * The kind to check the program as: {@code as} if given, else the one the lab manifest gives the
   * program's file.
   *
   * @throws IllegalArgumentException when neither says
   */
  Kind kind(Kind as) {
    if (as != null) {
      return as;
    }
    Optional<LabProgram> named = labProgram(Optional.empty());
    if (named.isPresent()) {
      return named.get().kind();
    }
    String name = Optional.ofNullable(Path.of(path).getFileName()).map(Path::toString).orElse(path);
    throw new IllegalArgumentException(manifest().map(lab -> "the lab manifest " + this.lab + " names no program '"
        + name + "' (it names " + String.join(", ", lab.programs().keySet()) + "): say what it is with --as KIND.")
        .orElse("say what your program is with --as KIND (kinds: " + Kind.names() + "), or give a lab manifest "
            + "that names it with --lab FILE."));
  }

  /**
   * The configuration parameters that plug this program into the catalogue, checked as
   * {@code kind}.
   *
   * @throws IllegalArgumentException saying what is wrong with the input and how to fix it
   */
  Map<String, String> parameters(Kind kind) {
    Optional<LabProgram> labProgram = labProgram(Optional.of(kind));
    String cmd = this.cmd != null ? this.cmd : labProgram.flatMap(LabProgram::cmd).orElse(null);
    boolean hasCmd = cmd != null && !cmd.isBlank();
    Path given = Path.of(path);
    // A folder and a manifest: the folder's program of that kind, by the name the manifest gives it.
    Path file = Files.isDirectory(given) && !hasCmd && labProgram.isPresent()
        ? given.resolve(labProgram.get().file()) : given;
    if (Files.isSymbolicLink(file) && !Files.isDirectory(file)) {
      // Judged before anything follows it: a link out of the folder is refused, never read.
      Path folder = file.toAbsolutePath().getParent();
      Targets.problemOf(folder, file.toAbsolutePath()).ifPresent(problem -> {
        throw new RejectedProgramException(file, problem);
      });
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no such file or folder: '" + file + "' (looked in "
          + Path.of("").toAbsolutePath() + "). Give the path of your program, e.g. srv_tcp.py, or of its "
          + "folder with --cmd.");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read '" + path + "': check its permissions.");
    }
    if (Files.isDirectory(file) && !hasCmd && Language.ofFolder(topNames(file)).filter(l -> l == Language.GO_MODULE)
        .isEmpty()) {
      throw new IllegalArgumentException("'" + path + "' is a folder: say how to start your program in it "
          + "with --cmd, e.g. --cmd \"python3 srv_tcp.py\" (a folder with a Makefile: --cmd \"./server\").");
    }
    String name = file.getFileName() == null ? path : file.getFileName().toString();
    String build = this.build != null ? this.build : labProgram.flatMap(LabProgram::build).orElse(null);
    boolean hasBuild = build != null && !build.isBlank();
    if (!hasCmd && !Files.isDirectory(file) && Language.ofFile(name) == Language.EXECUTABLE && !Files.isExecutable(file)) {
      throw new IllegalArgumentException("'" + path + "' is not a file the kit knows how to run (" + Language.KNOWN
          + ") and is not executable: make it executable (chmod +x " + path + "), or say how to run it with --cmd.");
    }
    if (hasBuild && !hasCmd && Files.isDirectory(file)) {
      throw new IllegalArgumentException("--build builds '" + path + "' but nothing says what to run: add --cmd, "
          + "e.g. --cmd \"./server {port}\".");
    }
    LabProtocol lab = protocol.over(labProgram.map(LabProgram::protocol)
        .orElse(manifest().map(LabManifest::protocol).orElse(LabProtocol.HANDOUT)));
    Optional<Integer> givenPort = Optional.ofNullable(port).or(() -> labProgram.map(LabProgram::port))
        .or(() -> manifest().map(LabManifest::port));
    if (hasCmd && cmd.contains(Target.PORT_PLACEHOLDER) && givenPort.isEmpty()) {
      throw new IllegalArgumentException("--cmd names {port} but no port is given: add --port N (the port your "
          + "program is started with), e.g. --cmd \"" + cmd + "\" --port 5000.");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(TargetConfig.KIND, kind.id());
    parameters.put(TargetConfig.PATH, file.toAbsolutePath().normalize().toString());
    if (hasCmd) {
      parameters.put(TargetConfig.CMD, cmd);
    }
    if (hasBuild) {
      parameters.put(TargetConfig.BUILD, build);
    }
    parameters.put(TargetConfig.PORT, Integer.toString(givenPort.orElse(Target.DEFAULT_PORT)));
    parameters.putAll(TargetConfig.parametersOf(lab));
    parameters.put(TargetConfig.TIMESCALE, Double.toString(timescale));
    try {
      // What the catalogue will do with them, done once now: a folder too big to copy, a file
      // that cannot be read, are told before any container starts.
      leftOut = TargetConfig.from(key -> java.util.Optional.ofNullable(parameters.get(key))).target().leftOut();
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return parameters;
  }

  /** The names at the top of {@code folder} (a go.mod, a Makefile). */
  private static java.util.Set<String> topNames(Path folder) {
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      return entries.map(entry -> entry.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    } catch (java.io.IOException e) {
      return java.util.Set.of();
    }
  }

  /** The files of the program's folder not copied into the sandbox, and why (after {@link #parameters}). */
  List<LeftOut> leftOut() {
    return leftOut;
  }
}
