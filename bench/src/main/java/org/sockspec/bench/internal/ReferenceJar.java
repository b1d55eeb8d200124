package org.sockspec.bench.internal;

import java.util.Optional;

/**
 * The kit's reference programs as one runnable jar, made once from the impl module's classes on the
 * class path. It is never in a sandbox but for a reference program's own specs: a reference target
 * carries it among its files, in the lab folder, which the lane's reset empties before any other
 * target's spec. So a submission cannot run the kit's answers as its own.
 */
public final class ReferenceJar {
  /** Its name in the lab folder; a reference target's command runs it from there. */
  public static final String NAME = "sockspec-impl.jar";
  private static volatile Optional<byte[]> bytes;

  private ReferenceJar() {}

  /** The jar's bytes; empty when the reference programs are not on the class path. */
  public static Optional<byte[]> bytes() {
    Optional<byte[]> made = bytes;
    if (made == null) {
      synchronized (ReferenceJar.class) {
        if (bytes == null) {
          TarArchive tar = new TarArchive();
          bytes = KitClasses.addJar(tar, "org.sockspec.impl.Main", "org/sockspec/impl/", NAME)
              ? Optional.of(tar.content(NAME)) : Optional.empty();
        }
        made = bytes;
      }
    }
    return made;
  }
}
