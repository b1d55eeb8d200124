package org.sockspec.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The namespace's protocol counters (/proc/net/snmp) at one moment, e.g.
 * {@code get("Udp", "NoPorts")}: datagrams that arrived for a port with no socket.
 */
public record Counters(JsonNode all) {
  public long get(String group, String name) {
    JsonNode value = all.path(group).path(name);
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("no counter " + group + " " + name + " in /proc/net/snmp");
    }
    return value.asLong();
  }

  /** How much {@code group name} grew since {@code before}. */
  public long since(Counters before, String group, String name) {
    return get(group, name) - before.get(group, name);
  }
}
