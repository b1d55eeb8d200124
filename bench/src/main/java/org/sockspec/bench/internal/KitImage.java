package org.sockspec.bench.internal;

import com.github.dockerjava.api.DockerClient;

/**
 * The runtime image plus the probe's code in /opt/sockspec/probe: what probe containers start from.
 * Targets start from the runtime image itself, with nothing of the kit's in them: a reference
 * program brings its jar among its files ({@link ReferenceJar}).
 */
public final class KitImage {
  public static final String PROBE_CLASSPATH = "/opt/sockspec/probe";

  private KitImage() {}

  /**
   * Makes the kit image on the engine {@code docker} reaches, from its runtime image, when it is not
   * there yet; returns its name (the same on every engine: its tag hashes the classes it holds).
   */
  static String ensure(DockerClient docker) {
    RuntimeImage.requirePresent(docker);
    // Tagged from the classes' own checksums (a jar's directory holds them): the tar is made
    // only when the image has to be built, not on every run.
    byte[] classes = KitClasses.fingerprint("org.sockspec.probe.ProbeAgent", "org/sockspec/probe/");
    return DerivedImage.ensure(docker, "sockspec-kit", RuntimeImage.name(), classes, () -> {
      TarArchive tar = new TarArchive();
      KitClasses.addPackage(tar, "org.sockspec.probe.ProbeAgent", "org/sockspec/probe/", PROBE_CLASSPATH);
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
