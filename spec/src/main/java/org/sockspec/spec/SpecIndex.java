package org.sockspec.spec;

import java.util.List;
import java.util.ServiceLoader;
import org.sockspec.bench.LabProtocol;

/**
 * The specs there are, as the layer above provides them (the catalogue's {@code Catalogue.Index},
 * named in META-INF/services): how this layer learns what a run holds without depending on the
 * catalogue, which depends on it.
 */
public interface SpecIndex {
  /** Every spec, in catalogue order. */
  List<SpecInfo> specs();

  /** {@code spec} in the words of a lab of {@code protocol}: its summary and hint saying that lab's protocol. */
  default SpecInfo inWords(SpecInfo spec, LabProtocol protocol) {
    return spec;
  }

  /** {@code spec} in the words of a lab of {@code protocol}, through the index on the class path. */
  static SpecInfo inTheWordsOf(SpecInfo spec, LabProtocol protocol) {
    return ServiceLoader.load(SpecIndex.class, SpecIndex.class.getClassLoader()).findFirst()
        .map(index -> index.inWords(spec, protocol)).orElse(spec);
  }

  /** The index on the class path; none when no catalogue is there (then nothing is counted). */
  static List<SpecInfo> all() {
    return ServiceLoader.load(SpecIndex.class, SpecIndex.class.getClassLoader()).findFirst()
        .map(SpecIndex::specs).orElse(List.of());
  }
}
