package org.sockspec.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.SpecInfo;

/** Which specs a check reports on: those of the kind, or exactly those named with --only. */
final class Plan {
  private Plan() {}

  /**
   * The specs that apply to {@code kind} in a lab of {@code protocol}, in catalogue order and in the
   * lab's words; with {@code only}, exactly those (one that does not apply is reported as skipped,
   * saying so). A spec in {@code skip} (one the lab does not ask for) is left out.
   *
   * @throws IllegalArgumentException naming the unknown ids and the valid ones
   */
  static List<SpecInfo> of(Kind kind, LabProtocol protocol, List<String> only, java.util.Collection<String> skip) {
    return of(kind, protocol, List.of(), only, skip);
  }

  /**
   * As {@link #of(Kind, LabProtocol, List, java.util.Collection)}, with the lab's {@code scenarios}
   * that apply to the program after the built-in specs (an id in {@code only} or {@code skip} may be one's).
   */
  static List<SpecInfo> of(Kind kind, LabProtocol protocol, List<SpecInfo> scenarios, List<String> only,
      java.util.Collection<String> skip) {
    java.util.function.Predicate<String> unknownId = id -> Catalogue.find(id).isEmpty()
        && scenarios.stream().noneMatch(s -> s.id().equals(id));
    List<String> unknownSkipped = skip.stream().filter(unknownId).toList();
    if (!unknownSkipped.isEmpty()) {
      throw new IllegalArgumentException("unknown spec id" + (unknownSkipped.size() == 1 ? " '" : "s '")
          + String.join("', '", unknownSkipped) + "' in --skip; 'sockspec specs' lists them all.");
    }
    if (only == null || only.isEmpty()) {
      return java.util.stream.Stream.concat(Catalogue.specsFor(kind, protocol).stream(), scenarios.stream())
          .filter(spec -> !skip.contains(spec.id())).toList();
    }
    List<String> unknown = only.stream().filter(unknownId).toList();
    if (!unknown.isEmpty()) {
      String valid = java.util.stream.Stream.concat(Catalogue.specsFor(kind, protocol).stream(), scenarios.stream())
          .map(SpecInfo::id).collect(Collectors.joining(", "));
      throw new IllegalArgumentException((unknown.size() == 1 ? "unknown spec id '" + unknown.get(0) + "'"
          : "unknown spec ids '" + String.join("', '", unknown) + "'") + " in --only. The specs for kind "
          + kind + " are: " + (valid.isEmpty() ? "(none yet)" : valid)
          + "; 'sockspec specs' lists them all.");
    }
    return java.util.stream.Stream.concat(Catalogue.specs().stream().filter(spec -> only.contains(spec.id()))
        .map(spec -> Catalogue.inWordsOf(spec, protocol)), scenarios.stream().filter(s -> only.contains(s.id()))).toList();
  }
}
