package org.sockspec.catalogue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;
import org.sockspec.spec.SpecIndex;
import org.sockspec.spec.SpecInfo;

/**
 * Every spec of the kit, in catalogue order (by lab part, then as declared in its class). The
 * classes follow the handout: one per part.
 */
public final class Catalogue {
  /** The catalogue's classes, in handout order. */
  public static final List<Class<?>> CLASSES = List.of(TcpSpecs.class, UdpSpecs.class, MultiClientSpecs.class, ClientSpecs.class);

  private static final List<SpecInfo> SPECS = CLASSES.stream()
      .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
          .sorted(Comparator.comparing(Catalogue::declarationOrder))
          .map(SpecInfo::of).flatMap(Optional::stream))
      .toList();

  private Catalogue() {}

  /** The catalogue as the spec layer finds it (see {@link SpecIndex}), through META-INF/services. */
  public static final class Index implements SpecIndex {
    @Override
    public List<SpecInfo> specs() {
      return Catalogue.specs();
    }

    @Override
    public SpecInfo inWords(SpecInfo spec, LabProtocol protocol) {
      return LabWords.of(spec, protocol);
    }
  }

  public static List<SpecInfo> specs() {
    return SPECS;
  }

  /** The handout's specs for {@code kind}, in its words. */
  public static List<SpecInfo> specsFor(Kind kind) {
    return specsFor(kind, LabProtocol.HANDOUT);
  }

  /** The specs that apply to a program of {@code kind} in a lab of {@code protocol}, in that lab's words. */
  public static List<SpecInfo> specsFor(Kind kind, LabProtocol protocol) {
    return SPECS.stream().filter(spec -> spec.appliesTo(kind, protocol)).map(spec -> LabWords.of(spec, protocol))
        .toList();
  }

  /** {@code spec} in the words of a lab of {@code protocol}. */
  public static SpecInfo inWordsOf(SpecInfo spec, LabProtocol protocol) {
    return LabWords.of(spec, protocol);
  }

  /** The spec {@code id}, in the words of a lab of {@code protocol}. */
  public static Optional<SpecInfo> find(String id, LabProtocol protocol) {
    return find(id).map(spec -> LabWords.of(spec, protocol));
  }

  public static Optional<SpecInfo> find(String id) {
    return SPECS.stream().filter(spec -> spec.id().equals(id)).findFirst();
  }

  /**
   * Reflection returns methods in no guaranteed order; the spec ids' order in the class source is
   * what a reader expects, and the ids are ordered by lab question within a class, so order by
   * question then id.
   */
  private static String declarationOrder(Method method) {
    return SpecInfo.of(method).map(s -> s.question() + "|" + s.id()).orElse("~" + method.getName());
  }
}
