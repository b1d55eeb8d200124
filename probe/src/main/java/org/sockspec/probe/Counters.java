package org.sockspec.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace's protocol counters from /proc/net/snmp ("Udp: NoPorts", "Udp: RcvbufErrors",
 * "Tcp: ActiveOpens"...), which come in pairs of lines: names, then values.
 */
final class Counters {
  private Counters() {}

  static Json read() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
    Json all = Json.object();
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      String[] names = lines.get(i).split("\\s+");
      String[] values = lines.get(i + 1).split("\\s+");
      Map<String, Long> group = new LinkedHashMap<>();
      for (int j = 1; j < names.length && j < values.length; j++) {
        group.put(names[j], Long.parseLong(values[j]));
      }
      all.put(names[0].replace(":", ""), group);
    }
    return all;
  }
}
