package org.sockspec.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who serves the kit's clients, from one socket table: for each client (by name, with its own
 * port) the server side of its connection to the program's port and the processes holding it, and
 * the program's listening sockets on that port. What {@code lsof -i :12800} answers in question
 * 3.2, and where a message that got no answer went.
 *
 * <p>Both address families count: a server bound to {@code ::} lists its IPv4 clients in tcp6 with
 * v4-mapped addresses, which the table already shows as IPv4.
 *
 * @param clients client name to the client's local port, in the order the clients connected
 */
public record Serving(SocketTable table, int port, Map<String, Integer> clients) {

  public Serving {
    clients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clients));
  }

  /** The server side of {@code client}'s connection: local port the program's, remote the client's. */
  public Optional<SocketEntry> serverSide(String client) {
    int clientPort = clientPort(client);
    return table.tcp().stream()
        .filter(s -> s.localPort() == port && s.remotePort() == clientPort && !s.isListening())
        .findFirst();
  }

  /** The program's processes holding the server side of {@code client}'s connection. */
  public Set<Integer> holders(String client) {
    return serverSide(client).map(this::programPids).orElse(new TreeSet<>());
  }

  /** Accepted: a process of the program holds the server side of its connection. */
  public boolean accepted(String client) {
    return !holders(client).isEmpty();
  }

  public List<String> unaccepted() {
    return clients.keySet().stream().filter(c -> !accepted(c)).toList();
  }

  public boolean allAccepted() {
    return unaccepted().isEmpty();
  }

  /** TCP sockets listening on the program's port (either family). */
  public List<SocketEntry> listeners() {
    return table.tcp().stream().filter(s -> s.isListening() && s.localPort() == port).toList();
  }

  /** The processes holding a listening socket on the port. */
  public Set<Integer> listenerHolders() {
    Set<Integer> pids = new TreeSet<>();
    listeners().forEach(s -> pids.addAll(programPids(s)));
    return pids;
  }

  /** A process holding the listening socket and every client's connection, if there is one. */
  public OptionalInt oneProcessForAll() {
    Set<Integer> common = new TreeSet<>(listenerHolders());
    clients.keySet().forEach(c -> common.retainAll(holders(c)));
    return common.stream().mapToInt(Integer::intValue).findFirst();
  }

  /**
   * For each client, a process that holds its connection and no other client's: a process per
   * client. Empty unless every client has one (the processes are then distinct). Holding is not
   * serving: which process waits to read each connection is {@link Readers}'s to say.
   */
  public Optional<Map<String, Integer>> processPerClient() {
    Map<String, Integer> chosen = new LinkedHashMap<>();
    for (String client : clients.keySet()) {
      Set<Integer> own = new TreeSet<>(holders(client));
      clients.keySet().stream().filter(other -> !other.equals(client)).forEach(other -> own.removeAll(holders(other)));
      if (own.isEmpty()) {
        return Optional.empty();
      }
      chosen.put(client, own.iterator().next());
    }
    return Optional.of(chosen);
  }

  /** The program's processes that hold any client's connection, each once. */
  public Set<Integer> clientHolders() {
    Set<Integer> pids = new TreeSet<>();
    clients.keySet().forEach(c -> pids.addAll(holders(c)));
    return pids;
  }

  /** The inode of the server side of {@code client}'s connection, 0 if there is none. */
  public long inode(String client) {
    return serverSide(client).map(SocketEntry::inode).orElse(0L);
  }

  /** "A (port 40312): pid 14; B (port 40318): pid 15..." and the listener's holders. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    clients.keySet().forEach(c -> parts.add(c + " (port " + clientPort(c) + "): " + holdersText(c)));
    Set<Integer> listening = listenerHolders();
    parts.add("listening on " + port + ": " + (listening.isEmpty() ? "nobody" : pids(listening)));
    return String.join("; ", parts);
  }

  /** Who holds {@code client}'s connection, in words: "pid 14 (python3 srv.py)", "no process". */
  public String holdersText(String client) {
    if (serverSide(client).isEmpty()) {
      return "no server-side socket";
    }
    Set<Integer> holders = holders(client);
    return holders.isEmpty() ? "no process (not accepted)" : pids(holders);
  }

  /**
   * Where the message {@code client} sent, which got no answer, went, read in its connection's
   * server side: still queued in a connection nobody accepted, accepted but unread, or read.
   */
  public String whereIsMessageOf(String client) {
    Optional<SocketEntry> side = serverSide(client);
    if (side.isEmpty()) {
      return "The server side of " + client + "'s connection is no longer in the socket table: the server closed it.";
    }
    SocketEntry s = side.get();
    Set<Integer> holders = holders(client);
    String unread = s.recvQ() == 1 ? "1 byte" : s.recvQ() + " bytes";
    if (holders.isEmpty()) {
      return "No process holds the server side of " + client + "'s connection: the kernel completed it, but the "
          + "server never accepted it" + (s.recvQ() > 0 ? ", and its " + unread + " wait unread there (Recv-Q "
          + s.recvQ() + ")" : "") + ". The server is busy elsewhere (serving another client?).";
    }
    if (s.recvQ() > 0) {
      return "The server accepted " + client + " (" + pids(holders) + ") but has not read its " + unread
          + " (Recv-Q " + s.recvQ() + "): it is not waiting on this client's socket.";
    }
    return "The server (" + pids(holders) + ") read " + client + "'s message (Recv-Q 0) but sent no answer"
        + (s.state().equals("ESTABLISHED") ? "." : "; the connection is now " + s.state() + ".");
  }

  private int clientPort(String client) {
    Integer clientPort = clients.get(client);
    if (clientPort == null) {
      throw new IllegalArgumentException("no client named " + client + " among " + clients.keySet());
    }
    return clientPort;
  }

  private Set<Integer> programPids(SocketEntry socket) {
    return socket.pids().stream().filter(pid -> pid != table.probePid())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private String pids(Set<Integer> pids) {
    return (pids.size() == 1 ? "pid " : "pids ") + pids.stream()
        .map(pid -> pid + " (" + table.processes().shortName(pid) + ")").collect(Collectors.joining(", "));
  }
}
