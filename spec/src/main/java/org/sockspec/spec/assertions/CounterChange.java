package org.sockspec.spec.assertions;

import org.sockspec.bench.Counters;

/**
 * How one of the namespace's kernel counters moved over a step of a spec: positive evidence for a
 * negative claim (a datagram that found no socket, a SYN dropped because a queue was full).
 *
 * @param during what happened meanwhile, for messages ("while A sent its datagram")
 */
public record CounterChange(String group, String name, long before, long after, String during) {

  public static CounterChange of(Counters before, Counters after, String group, String name, String during) {
    return new CounterChange(group, name, before.get(group, name), after.get(group, name), during);
  }

  public long delta() {
    return after - before;
  }

  public String describe() {
    return group + " " + name + " " + (delta() >= 0 ? "+" : "") + delta() + " (" + before + " -> " + after + ")";
  }
}
