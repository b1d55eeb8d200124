package org.sockspec.bench.internal;

/** The images the public API asks for, built on demand and cached by content. */
public final class DerivedImages {
  private DerivedImages() {}

  /** The kit image plus a program's files (at /lab, owned by root, read-only for the program). */
  public static String program(TarArchive files) {
    return DerivedImage.ensure("sockspec-program", KitImage.name(), files);
  }
}
