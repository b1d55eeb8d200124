package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;

/**
 * The runtime image plus the kit's code: the probe in /opt/sockspec/probe and, when on the class
 * path, the reference programs as /opt/sockspec/impl/sockspec-impl.jar. Probes and reference targets start from it;
 * a program under test's image is built on top of it.
 */
public final class KitImage {
  public static final String PROBE_CLASSPATH = "/opt/sockspec/probe";
  /** The reference programs, as the runnable jar the impl module builds. */
  public static final String IMPL_JAR = "/opt/sockspec/impl/sockspec-impl.jar";

  private KitImage() {}

  /**
   * Makes the kit image on the engine {@code docker} reaches, from its runtime image, when it is not
   * there yet; returns its name (the same on every engine: its tag hashes the classes it holds).
   */
  static String ensure(DockerClient docker) {
    RuntimeImage.requirePresent(docker);
    // Tagged from the classes' own checksums (a jar's directory holds them): the tar is made
    // only when the image has to be built, not on every run.
    byte[] classes = RuntimeImage.Hashes.concat(
        KitClasses.fingerprint("org.sockspec.probe.ProbeAgent", "org/sockspec/probe/"),
        KitClasses.fingerprint("org.sockspec.impl.Main", "org/sockspec/impl/"));
    return DerivedImage.ensure(docker, "sockspec-kit", RuntimeImage.name(), classes, () -> {
      TarArchive tar = new TarArchive();
      KitClasses.addPackage(tar, "org.sockspec.probe.ProbeAgent", "org/sockspec/probe/", PROBE_CLASSPATH);
      KitClasses.addJar(tar, "org.sockspec.impl.Main", "org/sockspec/impl/", IMPL_JAR);
      return tar;
    });
  }

  /** Whether the reference programs were on the class path when the image was made. */
  public static boolean hasReferencePrograms() {
    try {
      Class.forName("org.sockspec.impl.Main", false, KitImage.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
