package org.sockspec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sockspec.bench.internal.DerivedImages;
import org.sockspec.bench.internal.KitImage;
import org.sockspec.bench.internal.TarArchive;

/**
 * What the specs run against: a program, the kind it claims to be, and the protocol's parameters
 * (port, answer). Either one of the kit's reference programs (with an optional planted defect) or
 * anyone's own files, copied read-only into the target at /lab.
 *
 * <p>The command runs in /lab as uid 1000. A client is given the server's address, 127.0.0.1, as
 * its one argument.
 */
public final class Target {
  public static final int DEFAULT_PORT = 12800;
  public static final String DEFAULT_ANSWER = "Message received";
  public static final String LAB_DIR = "/lab";
  private static final long MAX_FILES_BYTES = 20L << 20;

  private final Kind kind;
  private final List<String> command;
  private final TarArchive files;
  private final String description;
  private final int port;
  private final String answer;
  private volatile String image;

  private Target(Kind kind, List<String> command, TarArchive files, String description, int port, String answer) {
    this.kind = kind;
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
        "-Xshare:auto", "-jar", KitImage.IMPL_JAR, program, "--port", Integer.toString(port)));
    if (kind.isServer()) {
      cmd.addAll(List.of("--answer", answer));
    }
    if (defect != null && !defect.isBlank()) {
      cmd.addAll(List.of("--defect", defect));
    }
    String name = "reference " + program + (defect == null || defect.isBlank() ? "" : " --defect " + defect);
    return new Target(kind, cmd, new TarArchive(), name, port, answer);
  }

  /**
   * Someone's program: a file ({@code .py} runs with python3, {@code .jar} with java -jar, anything
   * else directly), copied with the other files of its folder; or a folder with {@code command}.
   */
  public static Target program(Kind kind, Path path, String command, int port, String answer) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    TarArchive files = copyOf(dir);
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
    return new Target(kind, cmd, files, path.toString(), port, answer);
  }

  private static TarArchive copyOf(Path dir) {
    TarArchive tar = new TarArchive();
    long[] total = {0};
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith(".git/") || relative.contains("__pycache__/")) {
          continue;
        }
        byte[] content = Files.readAllBytes(file);
        total[0] += content.length;
        if (total[0] > MAX_FILES_BYTES) {
          throw new IllegalArgumentException("the folder " + dir + " holds more than "
              + (MAX_FILES_BYTES >> 20) + " MB of files; point at a folder with just your programs");
        }
        tar.add(LAB_DIR.substring(1) + "/" + relative, content, Files.isExecutable(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return tar;
  }

  /** A copy of this target with another claimed kind (the same program checked as something else). */
  public Target as(Kind other) {
    return new Target(other, command, files, description, port, answer);
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

  /** The image targets start from: the kit image, plus this program's files when it has some. */
  public String image() {
    String i = image;
    if (i == null) {
      i = files.isEmpty() ? KitImage.name() : DerivedImages.program(files);
      image = i;
    }
    return i;
  }

  @Override
  public String toString() {
    return description + " as " + kind;
  }
}
