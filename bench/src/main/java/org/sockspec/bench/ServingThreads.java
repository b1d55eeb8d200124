package org.sockspec.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the one process that serves every client uses its threads: for each client, the threads
 * waiting for data on that client's socket alone (a thread per client: each blocked in its own
 * {@code recv}), and the threads waiting on several clients' sockets at once (select style: one
 * {@code select}/{@code poll}/{@code epoll} for everyone). Each wait's own set of sockets decides,
 * read from the process: a thread per client that each waits in a select of its one socket is a
 * thread per client, and a thread that only peeks at a socket serves nobody.
 */
public record ServingThreads(Serving serving, ThreadList threads) {

  /** Per client, the threads waiting on its socket alone. */
  public Map<String, List<ThreadInfo>> dedicated() {
    Map<String, List<ThreadInfo>> byClient = new LinkedHashMap<>();
    serving.clients().keySet().forEach(c -> byClient.put(c, threads.waitingOnlyOn(serving.inode(c))));
    return byClient;
  }

  /**
   * Every client has a thread of its own waiting on its socket, no thread waits on two clients'
   * sockets, and none waits on something hidden (which may be every client's).
   */
  public boolean threadPerClient() {
    return dedicated().values().stream().noneMatch(List::isEmpty) && waitingOnSeveralClients().isEmpty()
        && threads.threads().stream().noneMatch(ThreadInfo::waitsOnHidden);
  }

  /** No client has a thread of its own, and one thread waits on every client's socket at once. */
  public boolean oneWaitForAll() {
    return dedicated().values().stream().allMatch(List::isEmpty) && threads.threads().stream()
        .anyMatch(t -> serving.clients().keySet().stream().allMatch(c -> t.watches(serving.inode(c))));
  }

  /** The threads whose one wait is on the sockets of two clients or more, with those clients. */
  public Map<ThreadInfo, List<String>> waitingOnSeveralClients() {
    Map<ThreadInfo, List<String>> found = new LinkedHashMap<>();
    for (ThreadInfo thread : threads.threads()) {
      List<String> watched = serving.clients().keySet().stream().filter(c -> thread.watches(serving.inode(c))).toList();
      if (watched.size() > 1) {
        found.put(thread, watched);
      }
    }
    return found;
  }

  /** Settled into one of the two pictures (threads may still be starting, or running, otherwise). */
  public boolean settled() {
    return threadPerClient() || oneWaitForAll();
  }

  /** The clients that have a thread of their own. */
  public List<String> clientsWithOwnThread() {
    return dedicated().entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
  }

  /** The threads part of whose wait is hidden from the kit. */
  public List<ThreadInfo> waitingOnHidden() {
    return threads.threads().stream().filter(ThreadInfo::waitsOnHidden).toList();
  }

  /** "A: thread 31 (client-1) in read(fd 5); B: none; ..." and the multiplexing threads. */
  public String describe() {
    String perClient = dedicated().entrySet().stream().map(e -> e.getKey() + ": " + (e.getValue().isEmpty()
        ? "no thread of its own" : e.getValue().stream().map(ServingThreads::name).collect(Collectors.joining(", "))))
        .collect(Collectors.joining("; "));
    Map<ThreadInfo, List<String>> many = waitingOnSeveralClients();
    String hidden = waitingOnHidden().isEmpty() ? "" : "; waiting on an epoll the kit cannot read (a member's descriptor "
        + "reused): " + waitingOnHidden().stream().map(ServingThreads::name).collect(Collectors.joining(", "));
    return perClient + (many.isEmpty() ? "; no thread waits on several clients' sockets at once"
        : "; waiting on several clients' sockets at once: " + many.entrySet().stream()
            .map(e -> name(e.getKey()) + " on " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")))
        + hidden;
  }

  private static String name(ThreadInfo t) {
    return "thread " + t.tid() + " (" + t.comm() + ") in " + t.call() + "()";
  }
}
