package org.sockspec.bench;

import java.util.Locale;

/** The limits of a program's sandbox, as reports name them ("memory", "processes", "disk", "output"). */
public enum SandboxLimit {
  MEMORY, PROCESSES, DISK, OUTPUT;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
