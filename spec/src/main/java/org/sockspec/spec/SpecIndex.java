package org.sockspec.spec;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The specs there are, as the layer above provides them (the catalogue's {@code Catalogue.Index},
 * named in META-INF/services): how this layer learns what a run holds without depending on the
 * catalogue, which depends on it.
 */
public interface SpecIndex {
  /** Every spec, in catalogue order. */
  List<SpecInfo> specs();

  /** The index on the class path; none when no catalogue is there (then nothing is counted). */
  static List<SpecInfo> all() {
    return ServiceLoader.load(SpecIndex.class, SpecIndex.class.getClassLoader()).findFirst()
        .map(SpecIndex::specs).orElse(List.of());
  }
}
