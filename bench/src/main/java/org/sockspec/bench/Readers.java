package org.sockspec.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who waits to read each client's connection, across the processes that hold them: for a process
 * per client, holding is not enough (a process can hold a socket and never read it, while another
 * serves every client); each client must be read by a process of its own, and no thread may wait on
 * two clients' sockets at once.
 *
 * @param serving who holds what
 * @param processes the threads of every process that holds a client's connection
 */
public record Readers(Serving serving, List<ThreadList> processes) {

  public Readers {
    processes = List.copyOf(processes);
  }

  /** A thread of a process, with its pid. */
  public record Reader(int pid, ThreadInfo thread) {
    String name() {
      return "thread " + thread.tid() + " of pid " + pid + " in " + thread.call() + "()";
    }
  }

  /** The threads waiting to read {@code client}'s connection (a receive, or a select, poll or epoll that includes it). */
  public List<Reader> of(String client) {
    long inode = serving.inode(client);
    List<Reader> readers = new ArrayList<>();
    for (ThreadList process : processes) {
      process.threads().stream().filter(t -> t.watches(inode)).forEach(t -> readers.add(new Reader(process.pid(), t)));
    }
    return readers;
  }

  /** The threads waiting on two clients' connections or more, with those clients. */
  public Map<Reader, List<String>> readingSeveralClients() {
    Map<Reader, List<String>> found = new LinkedHashMap<>();
    for (ThreadList process : processes) {
      for (ThreadInfo thread : process.threads()) {
        List<String> clients = serving.clients().keySet().stream().filter(c -> thread.watches(serving.inode(c))).toList();
        if (clients.size() > 1) {
          found.put(new Reader(process.pid(), thread), clients);
        }
      }
    }
    return found;
  }

  /**
   * The processes whose threads, together, wait on two clients' connections or more (a thread per
   * client in one process), with those clients: a process per client waits on one client only.
   */
  public Map<Integer, List<String>> processesWaitingOnSeveralClients() {
    Map<Integer, List<String>> found = new LinkedHashMap<>();
    for (ThreadList process : processes) {
      List<String> clients = serving.clients().keySet().stream().filter(c -> process.threads().stream()
          .anyMatch(t -> t.watches(serving.inode(c)))).toList();
      if (clients.size() > 1) {
        found.put(process.pid(), clients);
      }
    }
    return found;
  }

  /** The processes with a thread part of whose wait is hidden from the kit (it may be on any client). */
  public List<Integer> processesWaitingOnHidden() {
    return processes.stream().filter(p -> p.threads().stream().anyMatch(ThreadInfo::waitsOnHidden))
        .map(ThreadList::pid).toList();
  }

  /**
   * Each client is waited on by a process that holds no other client's connection, no thread waits
   * on two clients' connections, no process waits (in its threads together) on two clients, and no
   * process's wait is hidden: a process per client, each waiting on its own client only.
   */
  public boolean eachClientReadByAProcessOfItsOwn() {
    return readingSeveralClients().isEmpty() && processesWaitingOnSeveralClients().isEmpty()
        && processesWaitingOnHidden().isEmpty() && serving.clients().keySet().stream().allMatch(client ->
            of(client).stream().anyMatch(reader -> serving.clients().keySet().stream()
                .filter(other -> !other.equals(client)).noneMatch(other -> serving.holders(other).contains(reader.pid()))));
  }

  /** "A: read by thread 31 of pid 12 in recvfrom(); B: read by nobody; ..." and the threads reading several. */
  public String describe() {
    String perClient = serving.clients().keySet().stream().map(c -> c + ": " + (of(c).isEmpty() ? "read by nobody"
        : "read by " + of(c).stream().map(Reader::name).collect(Collectors.joining(", "))))
        .collect(Collectors.joining("; "));
    Map<Reader, List<String>> several = readingSeveralClients();
    // A process already told of by one of its threads is not told of again.
    Map<Integer, List<String>> processes = new LinkedHashMap<>(processesWaitingOnSeveralClients());
    several.keySet().forEach(reader -> processes.remove(reader.pid()));
    return perClient + (several.isEmpty() ? "" : "; waiting on several clients' connections at once: "
        + several.entrySet().stream().map(e -> e.getKey().name() + " on " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; ")))
        + (processes.isEmpty() ? "" : "; processes whose threads wait on several clients: " + processes.entrySet()
            .stream().map(e -> "pid " + e.getKey() + " on " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; ")))
        + (processesWaitingOnHidden().isEmpty() ? "" : "; waiting on an epoll the kit cannot read: pid "
            + processesWaitingOnHidden().stream().map(String::valueOf).collect(Collectors.joining(", pid ")));
  }
}
