package org.sockspec.spec;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Kind;

/** A spec's identity and documentation, read from its {@link Spec} annotation. */
public record SpecInfo(String id, Level level, String question, List<Kind> kinds, String summary, String hint,
    Class<?> specClass, String methodName, boolean startsProgram) {

  /** A spec that starts the program (as nearly all do). */
  public SpecInfo(String id, Level level, String question, List<Kind> kinds, String summary, String hint,
      Class<?> specClass, String methodName) {
    this(id, level, question, kinds, summary, hint, specClass, methodName, true);
  }

  public static Optional<SpecInfo> of(Method method) {
    Spec spec = method.getAnnotation(Spec.class);
    if (spec == null) {
      return Optional.empty();
    }
    return Optional.of(new SpecInfo(spec.id(), spec.level(), spec.question(), List.of(spec.kinds()),
        spec.summary(), spec.hint(), method.getDeclaringClass(), method.getName(), spec.startsProgram()));
  }

  public boolean appliesTo(Kind kind) {
    return kinds.contains(kind);
  }
}
