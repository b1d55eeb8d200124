package org.sockspec.cli.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.sockspec.cli.grade.LabManifest;

/**
 * What every platform's package holds: the kit's single jar (this very one), the lab manifest, and
 * the platform's scripts (resources beside this class).
 */
final class KitPackage {
  private KitPackage() {}

  /** The running kit's jar. */
  static Path jar() {
    try {
      Path self = Path.of(KitPackage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(self)) {
        throw new IllegalArgumentException("this sockspec runs from " + self + ", not from its single jar: build it "
            + "(./sockspec --version) and run ./sockspec, which packages cli/target/sockspec.jar");
      }
      return self;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the kit's jar", e);
    }
  }

  /** The manifest's text: {@code lab}'s, checked, or the built-in one. */
  static String manifest(Path lab) {
    if (lab == null) {
      return LabManifest.defaultText();
    }
    LabManifest read = LabManifest.read(lab); // bad TOML or an unknown spec id is told now, not on the platform
    try {
      return selfContained(Files.readString(lab, StandardCharsets.UTF_8), lab, read);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + lab + ": " + e.getMessage(), e);
    }
  }

  /** A top-level {@code scenario-files = [...]} key, over one line or several. */
  private static final java.util.regex.Pattern SCENARIO_FILES = java.util.regex.Pattern.compile(
      "(?m)^\\s*\"?scenario-files\"?\\s*=\\s*\\[[^\\]]*]\\s*(#.*)?$");

  /**
   * The manifest as one file, as a platform's package carries it: the scenario files it names are
   * appended to it (they hold [[scenarios]] tables only) and the key naming them is dropped.
   */
  static String selfContained(String text, Path lab, LabManifest manifest) throws IOException {
    java.util.regex.Matcher key = SCENARIO_FILES.matcher(text);
    if (!key.find()) {
      return text;
    }
    StringBuilder whole = new StringBuilder(key.replaceFirst("# (the scenario files are appended below)"));
    com.fasterxml.jackson.databind.JsonNode files = new com.fasterxml.jackson.dataformat.toml.TomlMapper()
        .readTree(text).path("scenario-files");
    Path folder = lab.toAbsolutePath().getParent();
    for (com.fasterxml.jackson.databind.JsonNode file : files) {
      whole.append("\n# ---- ").append(file.asText()).append(" ----\n")
          .append(Files.readString(folder.resolve(file.asText()), StandardCharsets.UTF_8)).append('\n');
    }
    String result = whole.toString();
    LabManifest again = LabManifest.parse(result, lab + " (its scenario files appended)");
    if (again.scenarios().size() != manifest.scenarios().size()) {
      throw new IllegalArgumentException(lab + ": its scenario files could not be appended to it for the package; "
          + "write its scenarios in it as [[scenarios]] tables");
    }
    return result;
  }

  /** A resource of the kit's jar: by its absolute name, or a script of the packages by its own. */
  static byte[] resource(String name) {
    try (InputStream in = KitPackage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("this build of sockspec lacks " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A script of the packages, by name (a resource beside this class). */
  static byte[] script(String name) {
    return resource(name);
  }

  /**
   * Makes sure the package can be written under {@code out} (a folder, made if missing) before
   * anything is: an --out that cannot be written is bad input, told at once.
   *
   * @throws IllegalArgumentException saying why it cannot
   */
  static void writableFolder(Path out) {
    try {
      Files.createDirectories(out);
      Path probe = Files.createTempFile(out, ".sockspec-", ".tmp");
      Files.delete(probe);
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("--out " + out + ": cannot write there (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); name a folder you can write to", e);
    }
  }

  /** Writes {@code bytes} to {@code file}, executable when asked. */
  static void write(Path file, byte[] bytes, boolean executable) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
