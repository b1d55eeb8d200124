package org.sockspec.bench.internal;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The labels on every container and image the kit creates. Ryuk cannot run here (its image cannot
 * be pulled), so the kit cleans up after itself, and after runs that died, by these labels.
 */
public final class Labels {
  /** Present on everything the kit creates. */
  public static final String KIT = "org.sockspec.kit";
  /** {@code host:pid} of the JVM that created a container, so a later run can tell it is dead. */
  public static final String SESSION = "org.sockspec.session";
  /** What a container is for: target, probe, or build (a container used to make an image). */
  public static final String ROLE = "org.sockspec.role";

  private static final String THIS_SESSION = host() + ":" + ProcessHandle.current().pid();

  private Labels() {}

  public static String session() {
    return THIS_SESSION;
  }

  static Map<String, String> forRole(String role) {
    return Map.of(KIT, "true", SESSION, THIS_SESSION, ROLE, role);
  }

  public static String host() {
    String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@hostname
    return name.substring(name.indexOf('@') + 1);
  }
}
