package org.sockspec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.internal.TarArchive;

/**
 * What the specs run against, as plain data: a program, the kind it claims to be, its port, its
 * lab's protocol ({@link LabProtocol}), its files and how it is built ({@link Build}); made by
 * {@link Targets}. Either one of the kit's reference programs (with an optional
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


  Target(Kind kind, List<String> command, TarArchive files, String description, int port,
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


  /** The program's files, at {@code lab/...} (for a reference program, the kit's reference jar). */
  public TarArchive files() {
    return files;
  }

  @Override
  public String toString() {
    return description + " as " + kind;
  }
}
