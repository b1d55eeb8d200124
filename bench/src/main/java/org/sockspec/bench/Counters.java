package org.sockspec.bench;

import java.util.Map;

/**
 * The namespace's protocol counters (/proc/net/snmp) at one moment, e.g.
 * {@code get("Udp", "NoPorts")}: datagrams that arrived for a port with no socket.
 */
public record Counters(Map<String, Map<String, Long>> all) {
  public long get(String group, String name) {
    Long value = all.getOrDefault(group, Map.of()).get(name);
    if (value == null) {
      throw new IllegalArgumentException("no counter " + group + " " + name + " in /proc/net/snmp");
    }
    return value;
  }

  /** How much {@code group name} grew since {@code before}. */
  public long since(Counters before, String group, String name) {
    return get(group, name) - before.get(group, name);
  }
}
