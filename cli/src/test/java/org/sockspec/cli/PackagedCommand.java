package org.sockspec.cli;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged command as a grader runs it, {@code java -jar sockspec.jar ...}, for the end-to-end tests. */
final class PackagedCommand {
  private static final Path JAR = Path.of(System.getProperty("sockspec.jar", "target/sockspec.jar"));

  /** How a run ended: its exit status, standard output and standard error. */
  record Run(int status, String out, String err) {}

  private PackagedCommand() {}

  /** Runs {@code args}, its output kept in {@code dir}; bounded: a check takes seconds, minutes mean a hang. */
  static Run run(Path dir, String... args) throws Exception {
    return run(dir, java.util.Map.of(), args);
  }

  /** As {@link #run(Path, String...)}, with {@code env} added to the command's environment. */
  static Run run(Path dir, java.util.Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("sockspec did not end within 5 minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
