package org.sockspec.bench;

import java.util.List;
import org.sockspec.probe.protocol.ProbeAnswer.ThreadRow;

/**
 * One thread of a process and what it is blocked on, from /proc/PID/task/TID/syscall.
 *
 * <p>{@code waitClass} is {@code read} (a receive on one descriptor), {@code peek} (a receive that
 * only peeks, MSG_PEEK: it reads nothing), {@code poll} (poll on {@code nfds} descriptors),
 * {@code multiplex} (select, pselect, epoll on {@code nfds} descriptors), {@code accept},
 * {@code running}, {@code none} (stopped outside a system call) or {@code other} (futex, sleep,
 * wait...). {@code opaque}: part of what it waits on could not be read (an epoll member whose
 * descriptor the program reused): never counted in the program's favour. {@code inode} is the socket the one descriptor {@code fd} refers to (0 when unknown or
 * not a socket), and {@code watched} every socket the wait is on (for select, poll and epoll, read
 * from the set the process passed), so they can be matched with the socket table.
 */
public record ThreadInfo(int tid, String comm, String state, String waitClass, String call, int fd, long inode, long nfds,
    List<Long> watched, boolean opaque) {

  public ThreadInfo {
    watched = List.copyOf(watched);
  }

  static ThreadInfo of(ThreadRow t) {
    return new ThreadInfo(t.tid(), t.comm(), t.state(), t.waitClass(), t.call(), t.fd() == null ? -1 : t.fd(),
        t.inode() == null ? 0 : t.inode(), t.nfds() == null ? 0 : t.nfds(),
        t.watched() == null ? List.of() : t.watched(), Boolean.TRUE.equals(t.opaque()));
  }

  /**
   * Blocked waiting on one object only: a receive (a peek too: it waits for that socket's data), or a
   * poll, select or epoll of that one.
   */
  public boolean waitsOnOneDescriptor() {
    return waitClass.equals("read") || waitClass.equals("peek")
        || ((waitClass.equals("poll") || waitClass.equals("multiplex")) && nfds == 1 && !opaque);
  }

  /** Blocked waiting on several descriptors at once: select, pselect, epoll, poll of many. */
  public boolean waitsOnMany() {
    return (waitClass.equals("multiplex") || waitClass.equals("poll")) && nfds > 1;
  }

  /** Whether this thread waits for data on the socket {@code socketInode} alone. */
  public boolean waitsOnlyOn(long socketInode) {
    return waitsOnOneDescriptor() && socketInode != 0 && watched.equals(List.of(socketInode));
  }

  /**
   * Whether the socket {@code socketInode} is among those this thread waits on, in any way (a peek,
   * a poll for urgent data only: a wait on a client's socket is a wait on it, whoever then reads).
   */
  public boolean watches(long socketInode) {
    return socketInode != 0 && watched.contains(socketInode);
  }

  /** Whether part of what it waits on is hidden (see the probe's ThreadTable): it may be any client's. */
  public boolean waitsOnHidden() {
    return opaque;
  }

  String render() {
    String what = switch (waitClass) {
      case "running" -> "running";
      case "none" -> "stopped outside a system call";
      case "poll", "multiplex" -> call + "(" + nfds + " descriptor" + (nfds == 1 ? "" : "s")
          + (fd >= 0 ? ": fd " + fd : "") + ")";
      case "read", "accept" -> call + "(fd " + fd + ")";
      case "peek" -> call + "(fd " + fd + ", MSG_PEEK: reads nothing)";
      default -> call.isEmpty() ? waitClass : call + "()";
    };
    String socket = inode != 0 ? "  socket:[" + inode + "]" : watched.size() > 1
        ? "  sockets " + watched.stream().map(i -> "[" + i + "]").collect(java.util.stream.Collectors.joining(" ")) : "";
    return String.format("%7d %-16s %s  %s%s", tid, comm, state, what, socket);
  }
}
