package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.sockspec.bench.EngineUnavailableException;

/**
 * The runtime image's name, tagged from its recipe exactly as scripts/ensure-image.sh tags it:
 * the first 12 hex digits of sha256(runtime/packages + runtime/setup.sh). The kit never builds or
 * pulls it; when it is missing, the message says which script builds it.
 */
public final class RuntimeImage {
  private static final String REPOSITORY = "sockspec-runtime";
  private static final String NAME = REPOSITORY + ":" + Hashes.shortHex(recipe());

  private RuntimeImage() {}

  public static String name() {
    return NAME;
  }

  /** Whether the engine {@code docker} reaches has it. */
  static boolean isOn(DockerClient docker) {
    try {
      docker.inspectImageCmd(NAME).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  static void requirePresent(DockerClient docker) {
    try {
      docker.inspectImageCmd(NAME).exec();
    } catch (NotFoundException e) {
      throw new EngineUnavailableException("the runtime image " + NAME + " is not built yet. Build it "
          + "once with scripts/ensure-image.sh (offline, about a minute; ./sockspec and mvn verify "
          + "run it for you), or scripts/ensure-image.sh --dockerfile where a registry is reachable.", e);
    }
  }

  private static byte[] recipe() {
    try (InputStream packages = resource("packages"); InputStream setup = resource("setup.sh")) {
      return Hashes.concat(packages.readAllBytes(), setup.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = RuntimeImage.class.getResourceAsStream("/org/sockspec/runtime/" + name);
    if (in == null) {
      throw new IllegalStateException("the kit jar lacks its runtime recipe " + name);
    }
    return in;
  }

  /** sha256 helpers, shared by every content-tagged image. */
  static final class Hashes {
    private Hashes() {}

    static byte[] concat(byte[] first, byte[] second) {
      byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
      System.arraycopy(second, 0, both, first.length, second.length);
      return both;
    }

    static String shortHex(byte[] bytes) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 6; i++) {
          hex.append(String.format("%02x", digest[i]));
        }
        return hex.toString();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JRE has SHA-256", e);
      }
    }
  }
}
