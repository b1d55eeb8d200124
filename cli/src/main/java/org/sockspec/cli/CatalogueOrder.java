package org.sockspec.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.Spec;
import org.sockspec.spec.SpecInfo;

/**
 * Starts specs in catalogue order (lab part, then handout question), the order reports list them
 * in, except that the specs that wait out the most negative windows ({@link Spec#windows()}) start
 * first: side by side, the long ones then overlap the short ones instead of ending the run alone. Jupiter's default method order is
 * deterministic but says nothing to a reader. Named by class in the run's configuration
 * parameters, so it needs a public no-argument constructor.
 */
public final class CatalogueOrder implements MethodOrderer, ClassOrderer {
  private static final List<SpecInfo> SPECS = Catalogue.specs();

  @Override
  public void orderMethods(MethodOrdererContext context) {
    Class<?> type = context.getTestClass();
    context.getMethodDescriptors().sort(Comparator.<MethodDescriptor>comparingInt(m -> -windows(m))
        .thenComparingInt(m -> indexOf(type, m.getMethod().getName())));
  }

  /**
   * The order is the order specs start in and reports list them in, not a sequence they depend on:
   * each spec has a lane of its own, so they may run side by side (a method orderer otherwise
   * makes Jupiter run its methods one after another).
   */
  @Override
  public Optional<ExecutionMode> getDefaultExecutionMode() {
    return Optional.empty();
  }

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(c -> {
      int index = Catalogue.CLASSES.indexOf(c.getTestClass());
      return index < 0 ? Integer.MAX_VALUE : index;
    }));
  }

  private static int windows(MethodDescriptor method) {
    Spec spec = method.getMethod().getAnnotation(Spec.class);
    return spec == null ? 0 : spec.windows();
  }

  private static int indexOf(Class<?> type, String method) {
    for (int i = 0; i < SPECS.size(); i++) {
      SpecInfo spec = SPECS.get(i);
      if (spec.specClass() == type && spec.methodName().equals(method)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
