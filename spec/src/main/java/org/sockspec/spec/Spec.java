package org.sockspec.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sockspec.bench.Kind;

/**
 * Marks a catalogue method as an executable spec. The id is a public contract (reports, grading
 * manifests and CLI filters use it): never rename one. The method may take a
 * {@link org.sockspec.bench.Bench}, a fresh one per spec, for the configured target.
 *
 * <p>A spec runs only when the configured target's kind is among {@link #kinds()}; otherwise it is
 * skipped, and reports say it does not apply.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(SpecExtension.class)
public @interface Spec {
  /** Stable id, {@code part.behaviour}, e.g. {@code tcp.second-client-waits}. */
  String id();

  Level level();

  /** The handout question it answers, e.g. "1.3"; empty when it answers none directly. */
  String question() default "";

  Kind[] kinds();

  /** One line, for the catalogue listing and reports. */
  String summary();

  /** What to tell a student whose program fails it: where to look in the handout and the code. */
  String hint() default "";

  /**
   * How many negative windows ({@code Timing.silence()}) a passing run waits out in full. Specs
   * run side by side and the kit starts those that wait longest first, so that together they end
   * soonest; reports keep the catalogue's order whatever the start order.
   */
  int windows() default 0;

  /**
   * Whether the spec starts the program under test. A few do not: they show what the kernel does
   * with no server at all (a refused connect). Such a spec passes whatever was handed in, so a grader
   * gives its points only to a program that runs (see docs/grading.md).
   */
  boolean startsProgram() default true;

  /** What the spec needs of the lab's protocol to apply (see {@link Needs}); by default, nothing. */
  Needs[] needs() default {};
}
