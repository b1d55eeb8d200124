package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * An image made of a base image plus files, tagged from the base and the files' content, built
 * once and reused: the kit's own code (probe, reference programs) and each program under test.
 *
 * <p>Built without a registry or a Dockerfile: create a stopped container from the base, copy the
 * tar in, commit. Targets then start from it with a read-only root file system, so a program's
 * files are in place before it starts and no spec pays for a copy.
 */
final class DerivedImage {
  private DerivedImage() {}

  /**
   * The image {@code repository:TAG}, on the engine {@code docker} reaches, of {@code base} plus the files {@code files} makes, where TAG
   * hashes the base and {@code fingerprint} (which must change whenever the files do); the files
   * are made only when the image is not there yet.
   */
  static String ensure(DockerClient docker, String repository, String base, byte[] fingerprint,
      java.util.function.Supplier<TarArchive> files) {
    String tag = RuntimeImage.Hashes.shortHex(RuntimeImage.Hashes.concat(
        base.getBytes(java.nio.charset.StandardCharsets.UTF_8), fingerprint));
    String name = repository + ":" + tag;
    if (exists(docker, name)) {
      return name;
    }
    synchronized (DerivedImage.class) {
      if (exists(docker, name)) {
        return name;
      }
      Map<String, String> labels = new HashMap<>(Labels.forRole("build"));
      String id = docker.createContainerCmd(base).withCmd("true").withLabels(labels).exec().getId();
      try {
        docker.copyArchiveToContainerCmd(id).withRemotePath("/")
            .withTarInputStream(new ByteArrayInputStream(files.get().bytes())).exec();
        docker.commitCmd(id).withRepository(repository).withTag(tag)
            .withLabels(Map.of(Labels.KIT, "true")).exec();
      } finally {
        Engine.remove(docker, id);
      }
    }
    return name;
  }

  private static boolean exists(DockerClient docker, String name) {
    try {
      docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
