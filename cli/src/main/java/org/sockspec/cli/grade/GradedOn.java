package org.sockspec.cli.grade;

import java.util.Locale;
import org.sockspec.bench.internal.Engine;

/**
 * Which engine of a pool graded a student, and so where the evidence of the limits their programs
 * hit comes from: the kernel's counters where the engine's host is this machine, what the program
 * reports elsewhere.
 *
 * @param engine the engine's number in the engines file
 * @param url its URL
 */
record GradedOn(int engine, String url, Engine.LimitCounters limitCounters) {
  /** "engine 2", for a progress line. */
  String shortName() {
    return "engine " + engine;
  }

  /** "engine 2 (unix:///run/sockspec-engine-1.sock)". */
  String name() {
    return shortName() + " (" + url + ")";
  }

  /** The limit counters' word in results.json: "read-here". */
  static String word(Engine.LimitCounters counters) {
    return counters.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Engine.LimitCounters ofWord(String word) {
    return Engine.LimitCounters.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
