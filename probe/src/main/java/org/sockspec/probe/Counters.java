package org.sockspec.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace's protocol counters from /proc/net/snmp ("Udp: NoPorts", "Udp: RcvbufErrors",
 * "Tcp: ActiveOpens"...) and /proc/net/netstat ("TcpExt: ListenOverflows": SYNs dropped because
 * an accept queue was full), both of which come in pairs of lines: names, then values.
 */
final class Counters {
  private Counters() {}

  static Map<String, Map<String, Long>> read() throws IOException {
    Map<String, Map<String, Long>> all = new LinkedHashMap<>();
    parse(Files.readAllLines(Path.of("/proc/net/snmp")), all);
    try {
      parse(Files.readAllLines(Path.of("/proc/net/netstat")), all);
    } catch (NoSuchFileException e) {
      // a kernel without the extended counters: the snmp ones are still there
    }
    return all;
  }

  /** Adds the groups of one counters file, {@code Group: name...} then {@code Group: value...}. */
  static void parse(List<String> lines, Map<String, Map<String, Long>> into) {
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      String[] names = lines.get(i).trim().split("\\s+");
      String[] values = lines.get(i + 1).trim().split("\\s+");
      Map<String, Long> group = new LinkedHashMap<>();
      for (int j = 1; j < names.length && j < values.length; j++) {
        group.put(names[j], Long.parseLong(values[j]));
      }
      into.put(names[0].replace(":", ""), group);
    }
  }
}
