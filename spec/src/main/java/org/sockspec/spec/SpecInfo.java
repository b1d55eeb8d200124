package org.sockspec.spec;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.sockspec.bench.Kind;
import org.sockspec.bench.LabProtocol;

/**
 * A spec's identity and documentation, read from its {@link Spec} annotation; its summary and hint
 * are the handout's words until the catalogue puts them in a lab's ({@link SpecIndex#inWords}). A
 * lab's scenario is a spec too ({@code scenario}): one invocation of the catalogue's scenario
 * method, named by its id.
 */
public record SpecInfo(String id, Level level, String question, List<Kind> kinds, String summary, String hint,
    Class<?> specClass, String methodName, boolean startsProgram, List<Needs> needs, boolean scenario) {

  public SpecInfo {
    kinds = List.copyOf(kinds);
    needs = List.copyOf(needs);
  }

  /** A built-in spec. */
  public SpecInfo(String id, Level level, String question, List<Kind> kinds, String summary, String hint,
      Class<?> specClass, String methodName, boolean startsProgram, List<Needs> needs) {
    this(id, level, question, kinds, summary, hint, specClass, methodName, startsProgram, needs, false);
  }

  /**
   * What a run's results are matched by: the spec's method, and for a scenario its id too (every
   * scenario is an invocation of the same method, named by its id).
   */
  public String key() {
    return specClass.getName() + "#" + methodName + (scenario ? "[" + id + "]" : "");
  }

  /** A spec that starts the program (as nearly all do) and needs nothing of the lab's protocol. */
  public SpecInfo(String id, Level level, String question, List<Kind> kinds, String summary, String hint,
      Class<?> specClass, String methodName) {
    this(id, level, question, kinds, summary, hint, specClass, methodName, true, List.of());
  }

  public static Optional<SpecInfo> of(Method method) {
    Spec spec = method.getAnnotation(Spec.class);
    if (spec == null) {
      return Optional.empty();
    }
    return Optional.of(new SpecInfo(spec.id(), spec.level(), spec.question(), List.of(spec.kinds()),
        spec.summary(), spec.hint(), method.getDeclaringClass(), method.getName(), spec.startsProgram(),
        List.of(spec.needs())));
  }

  public boolean appliesTo(Kind kind) {
    return kinds.contains(kind);
  }

  /** Whether it applies to a program of {@code kind} in a lab of {@code protocol}. */
  public boolean appliesTo(Kind kind, LabProtocol protocol) {
    return appliesTo(kind) && needs.stream().allMatch(need -> need.metBy(protocol));
  }

  /** Why it does not apply to a lab of {@code protocol}; empty when it does. */
  public Optional<String> notForTheLab(LabProtocol protocol) {
    return needs.stream().filter(need -> !need.metBy(protocol)).findFirst().map(Needs::whenMissing);
  }

  /** The same spec with other words (a lab's): its summary and hint. */
  public SpecInfo withWords(String newSummary, String newHint) {
    return new SpecInfo(id, level, question, kinds, newSummary, newHint, specClass, methodName, startsProgram, needs,
        scenario);
  }
}
