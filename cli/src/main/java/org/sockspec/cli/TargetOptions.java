package org.sockspec.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LeftOut;
import org.sockspec.bench.RejectedProgramException;
import org.sockspec.bench.Target;
import org.sockspec.bench.internal.SubmissionCopy;
import org.sockspec.spec.TargetConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The program under test as the user names it (PATH, --cmd, --port, --answer, --timescale),
 * validated before anything starts and turned into the catalogue's configuration parameters.
 */
final class TargetOptions {
  @Parameters(index = "0", paramLabel = "PATH", description = "Your program: a .py file (run with python3), "
      + "a .jar (java -jar), an executable, or a folder with --cmd. Its folder is copied into the "
      + "container read-only.")
  String path;

  @Option(names = "--cmd", paramLabel = "COMMAND", description = "How to start the program, run by sh "
      + "in its folder, e.g. \"python3 server.py\" (needed for a folder). A client gets the server's "
      + "address as its one argument.")
  String cmd;

  @Option(names = "--port", paramLabel = "N", converter = Converters.PortConverter.class,
      description = "The port the program uses (default: ${DEFAULT-VALUE}, the lab's).")
  int port = Target.DEFAULT_PORT;

  @Option(names = "--answer", paramLabel = "TEXT", description = "What the server answers each message "
      + "with (default: \"${DEFAULT-VALUE}\").")
  String answer = Target.DEFAULT_ANSWER;

  @Option(names = "--timescale", paramLabel = "X", converter = Converters.TimeScaleConverter.class,
      description = "Multiply every wait by X (default: ${DEFAULT-VALUE}); 2 or 3 on a slow or busy machine.")
  double timescale = 1.0;

  /** What the copy of the program's folder left out, known once {@link #parameters} has run. */
  private List<LeftOut> leftOut = List.of();

  /**
   * The configuration parameters that plug this program into the catalogue, checked as
   * {@code kind}.
   *
   * @throws IllegalArgumentException saying what is wrong with the input and how to fix it
   */
  Map<String, String> parameters(Kind kind) {
    Path file = Path.of(path);
    boolean hasCmd = cmd != null && !cmd.isBlank();
    if (Files.isSymbolicLink(file) && !Files.isDirectory(file)) {
      // Judged before anything follows it: a link out of the folder is refused, never read.
      Path folder = file.toAbsolutePath().getParent();
      SubmissionCopy.problemOf(folder, file.toAbsolutePath()).ifPresent(problem -> {
        throw new RejectedProgramException(file, problem);
      });
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no such file or folder: '" + path + "' (looked in "
          + Path.of("").toAbsolutePath() + "). Give the path of your program, e.g. srv_tcp.py, or of its "
          + "folder with --cmd.");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read '" + path + "': check its permissions.");
    }
    if (Files.isDirectory(file) && !hasCmd) {
      throw new IllegalArgumentException("'" + path + "' is a folder: say how to start your program in it "
          + "with --cmd, e.g. --cmd \"python3 srv_tcp.py\".");
    }
    String name = file.getFileName() == null ? path : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!hasCmd && !name.endsWith(".py") && !name.endsWith(".jar") && !Files.isExecutable(file)) {
      throw new IllegalArgumentException("'" + path + "' is neither a .py nor a .jar file and is not "
          + "executable: make it executable (chmod +x " + path + "), or say how to run it with --cmd.");
    }
    if (answer.isEmpty()) {
      throw new IllegalArgumentException("--answer is empty: give the text the server answers each message "
          + "with (the lab's is \"" + Target.DEFAULT_ANSWER + "\").");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(TargetConfig.KIND, kind.id());
    parameters.put(TargetConfig.PATH, file.toAbsolutePath().normalize().toString());
    if (hasCmd) {
      parameters.put(TargetConfig.CMD, cmd);
    }
    parameters.put(TargetConfig.PORT, Integer.toString(port));
    parameters.put(TargetConfig.ANSWER, answer);
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

  /** The files of the program's folder not copied into the sandbox, and why (after {@link #parameters}). */
  List<LeftOut> leftOut() {
    return leftOut;
  }
}
