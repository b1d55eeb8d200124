package org.sockspec.bench.lookalike;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.sockspec.bench.internal.Engine;
import org.sockspec.bench.internal.RuntimeImage;
import org.sockspec.bench.internal.TarArchive;

/**
 * A container that looks like an autograding platform's: the kit's offline runtime image (it has a
 * Java 17 runtime and python3, as the platforms' images get from setup.sh), no network ({@code
 * --network none}), the engine's default capabilities, no engine socket, the platform's folders, and
 * a command run as root. Files are put in before it starts; it runs once, bounded, and what it
 * printed and the files it left are read afterwards. Shared (spec's test jar) by the platform
 * packages' tests and the matrix run in the process sandbox.
 */
public final class Lookalike implements AutoCloseable {
  private final DockerClient docker = Engine.environment().docker();
  private final TarArchive files = new TarArchive();
  private final Map<String, String> sysctls = new LinkedHashMap<>();
  private String id;

  /**
   * Sets a network sysctl of the look-alike's namespace (as {@code docker run --sysctl}): only for
   * what the kit's own reference programs need and no platform gives (see its caller).
   */
  public Lookalike sysctl(String name, String value) {
    sysctls.put(name, value);
    return this;
  }

  /** Adds a file (its path inside the container), root's, executable or not. */
  public Lookalike file(String path, byte[] content, boolean executable) {
    files.add(path.startsWith("/") ? path.substring(1) : path, content, executable);
    return this;
  }

  /** Adds every file of {@code folder} under {@code path}, keeping their executable bit. */
  public Lookalike folder(String path, Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        file(path + "/" + folder.relativize(file), Files.readAllBytes(file), Files.isExecutable(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** What one run gave: its exit status and everything it printed. */
  public record Run(long status, String output, long ms) {}

  /** Runs {@code script} with bash as root; bounded by {@code bound}. */
  public Run run(String script, Duration bound) throws Exception {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode("none").withSysctls(sysctls);
    id = docker.createContainerCmd(RuntimeImage.name()).withCmd("bash", "-c", script).withUser("0:0")
        .withLabels(Map.of("org.sockspec.kit", "true", "org.sockspec.role", "lookalike"))
        .withHostConfig(host).exec().getId();
    docker.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(new ByteArrayInputStream(files.bytes())).exec();
    long start = System.nanoTime();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> logs = docker.attachContainerCmd(id).withStdOut(true).withStdErr(true)
        .withFollowStream(true).exec(new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            synchronized (output) {
              output.writeBytes(frame.getPayload());
            }
          }
        });
    logs.awaitStarted(30, TimeUnit.SECONDS);
    docker.startContainerCmd(id).exec();
    Integer status = docker.waitContainerCmd(id).start().awaitStatusCode(bound.toSeconds(), TimeUnit.SECONDS);
    logs.awaitCompletion(10, TimeUnit.SECONDS);
    synchronized (output) {
      return new Run(status == null ? -1 : status, output.toString(StandardCharsets.UTF_8),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** A file the run left, or null when there is none. */
  public byte[] read(String path) throws IOException {
    try (InputStream in = docker.copyArchiveFromContainerCmd(id, path).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry = tar.getNextEntry();
      return entry == null ? null : tar.readAllBytes();
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (id != null) {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
