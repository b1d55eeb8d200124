package org.sockspec.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sockspec.bench.internal.ReferenceJar;
import org.sockspec.bench.internal.SubmissionCopy;
import org.sockspec.bench.internal.TarArchive;

/**
 * What the specs run against: a program, the kind it claims to be, and the protocol's parameters
 * (port, answer). Either one of the kit's reference programs (with an optional planted defect) or
 * anyone's own files, copied read-only into the target at /lab (never a file outside their folder).
 *
 * <p>The command runs in /lab as uid 1000. A client is given the server's address, 127.0.0.1, as
 * its one argument.
 */
public final class Target {
  public static final int DEFAULT_PORT = 12800;
  public static final String DEFAULT_ANSWER = "Message received";
  public static final String LAB_DIR = "/lab";

  private final Kind kind;
  private final List<String> command;
  private final TarArchive files;
  private final String description;
  private final int port;
  private final String answer;
  private final List<LeftOut> leftOut;
  private final String source;

  /** The source of every reference program: the kit itself. */
  private static final String REFERENCE = "the kit's reference programs";

  private Target(Kind kind, List<String> command, TarArchive files, String description, int port, String answer,
      List<LeftOut> leftOut, String source) {
    this.kind = kind;
    this.source = source;
    this.leftOut = List.copyOf(leftOut);
    this.command = List.copyOf(command);
    this.files = files;
    this.description = description;
    this.port = port;
    this.answer = answer;
  }

  /**
   * A reference program of the impl module, e.g. {@code srv_tcp}, with a planted defect or null.
   * Port and answer are passed to it as options.
   */
  public static Target reference(Kind kind, String program, String defect, int port, String answer) {
    List<String> cmd = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xshare:auto", "-jar", ReferenceJar.NAME, program, "--port", Integer.toString(port)));
    if (kind.isServer()) {
      cmd.addAll(List.of("--answer", answer));
    }
    if (defect != null && !defect.isBlank()) {
      cmd.addAll(List.of("--defect", defect));
    }
    String name = "reference " + program + (defect == null || defect.isBlank() ? "" : " --defect " + defect);
    // Without the reference programs on the class path (a kit built without them), the command
    // names a jar that is not there, and java says so.
    TarArchive jar = new TarArchive();
    ReferenceJar.bytes().ifPresent(bytes -> jar.add(LAB_DIR.substring(1) + "/" + ReferenceJar.NAME, bytes, false));
    return new Target(kind, cmd, jar, name, port, answer, List.of(), REFERENCE);
  }

  /**
   * Someone's program: a file ({@code .py} runs with python3, {@code .jar} with java -jar, anything
   * else directly), copied with the other files of its folder; or a folder with {@code command}.
   * Nothing outside the folder is ever opened (see {@link #leftOut()}).
   *
   * @throws RejectedProgramException when the program file is a link the copy does not follow (out
   *     of its folder, dangling, a loop) or a special file
   */
  public static Target program(Kind kind, Path path, String command, int port, String answer) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    if (!Files.isDirectory(path)) {
      SubmissionCopy.problemOf(dir, path.toAbsolutePath()).ifPresent(problem -> {
        throw new RejectedProgramException(path, problem);
      });
    }
    SubmissionCopy.Result copy = SubmissionCopy.of(dir, LAB_DIR.substring(1));
    List<String> cmd;
    if (command != null && !command.isBlank()) {
      cmd = List.of("/bin/sh", "-c", command + " \"$@\"", "sh");
    } else {
      String name = path.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      cmd = lower.endsWith(".py") ? List.of("python3", name)
          : lower.endsWith(".jar") ? List.of("java", "-jar", name)
          : List.of("./" + name);
    }
    return new Target(kind, cmd, copy.files(), path.toString(), port, answer, copy.leftOut(), realFolder(dir));
  }

  /** A copy of this target with another claimed kind (the same program checked as something else). */
  public Target as(Kind other) {
    return new Target(other, command, files, description, port, answer, leftOut, source);
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

  public String answer() {
    return answer;
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
