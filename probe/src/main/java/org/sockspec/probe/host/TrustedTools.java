package org.sockspec.probe.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools root runs for the sandboxes ({@code python3}, {@code setpriv}, {@code kill}...), by
 * absolute paths in folders only root can write: every folder from {@code /} down root's, none
 * writable by its group or by others, and the file itself likewise. A program under test can write
 * {@code /tmp} and its own folders; a {@code PATH} that names one of them (or {@code .}, or a
 * relative folder) would have root run the program's file of that name. Such entries are never
 * searched. The system folders come first: a tool there is the distribution's own, not a shim that
 * chooses what to run from its working folder or its environment (pyenv's reads a
 * {@code .python-version} file). Where the kit is not root, nothing runs with more rights than the
 * program has, and PATH is searched as a shell would.
 */
public final class TrustedTools {
  /** Where tools are looked for when PATH has none of them: the usual system folders. */
  private static final List<String> SYSTEM = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
      "/sbin", "/bin");
  private static final Map<String, Optional<String>> FOUND = new ConcurrentHashMap<>();

  private TrustedTools() {}

  /** The absolute path of {@code tool} in a folder only root can write, if there is one. */
  public static Optional<String> find(String tool) {
    return FOUND.computeIfAbsent(tool, TrustedTools::search);
  }

  /**
   * The absolute path of {@code tool}; {@code tool} itself when no trusted folder holds it (starting
   * it then fails, as a tool that is not installed does).
   */
  public static String path(String tool) {
    return find(tool).orElse(tool);
  }

  /** Whether {@code tool} is in a folder only root can write. */
  public static boolean has(String tool) {
    return find(tool).isPresent();
  }

  /**
   * {@code PATH} with only the folders only root can write (the system folders when none is left):
   * what root's helpers run with.
   */
  public static String trustedPath() {
    List<String> kept = folders().stream().map(Path::toString).toList();
    return String.join(":", kept.isEmpty() ? SYSTEM : kept);
  }

  private static Optional<String> search(String tool) {
    if (tool.contains("/")) {
      throw new IllegalArgumentException("a tool's name, not a path: " + tool);
    }
    for (Path folder : folders()) {
      Path file = folder.resolve(tool);
      if (Files.isRegularFile(file) && Files.isExecutable(file) && (!ROOT || onlyRootWrites(file))) {
        return Optional.of(file.toString());
      }
    }
    return Optional.empty();
  }

  /** The system folders then PATH's, each once, those only root can write (as root). */
  private static List<Path> folders() {
    boolean root = ROOT;
    Set<String> names = new LinkedHashSet<>();
    String path = System.getenv("PATH");
    if (root) {
      names.addAll(SYSTEM);
    }
    if (path != null) {
      names.addAll(List.of(path.split(":")));
    }
    names.addAll(SYSTEM);
    List<Path> trusted = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith("/")) {
        Path folder = Path.of(name).normalize();
        if (Files.isDirectory(folder) && (!root || onlyRootWrites(folder))) {
          trusted.add(folder);
        }
      }
    }
    return trusted;
  }

  private static final boolean ROOT = "0".equals(uidOf(Path.of("/proc/self")));

  private static String uidOf(Path path) {
    try {
      return String.valueOf(Files.getAttribute(path, "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Whether {@code path} and every folder above it, links resolved (a link in a root-only folder
   * is root's choice), are owned by root and writable by nobody else.
   */
  static boolean onlyRootWrites(Path path) {
    try {
      Path real = path.toRealPath();
      for (Path p = real; p != null; p = p.getParent()) {
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (uid != 0 || (mode & 0022) != 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
