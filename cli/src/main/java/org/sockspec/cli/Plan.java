package org.sockspec.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.SpecInfo;

/** Which specs a check reports on: those of the kind, or exactly those named with --only. */
final class Plan {
  private Plan() {}

  /**
   * The specs that apply to {@code kind} in catalogue order; with {@code only}, exactly those
   * (one that does not apply to the kind is reported as skipped, saying so).
   *
   * @throws IllegalArgumentException naming the unknown ids and the valid ones
   */
  static List<SpecInfo> of(Kind kind, List<String> only) {
    if (only == null || only.isEmpty()) {
      return Catalogue.specsFor(kind);
    }
    List<String> unknown = only.stream().filter(id -> Catalogue.find(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      String valid = Catalogue.specsFor(kind).stream().map(SpecInfo::id).collect(Collectors.joining(", "));
      throw new IllegalArgumentException((unknown.size() == 1 ? "unknown spec id '" + unknown.get(0) + "'"
          : "unknown spec ids '" + String.join("', '", unknown) + "'") + " in --only. The specs for kind "
          + kind + " are: " + (valid.isEmpty() ? "(none yet)" : valid)
          + "; 'sockspec specs' lists them all.");
    }
    return Catalogue.specs().stream().filter(spec -> only.contains(spec.id())).toList();
  }
}
