package org.sockspec.bench;

import org.sockspec.probe.protocol.ProbeAnswer.ThreadRow;

/**
 * One thread of a process and what it is blocked on, from /proc/PID/task/TID/syscall.
 *
 * <p>{@code waitClass} is {@code read} (a receive on one descriptor), {@code poll} (poll on
 * {@code nfds} descriptors), {@code multiplex} (select, pselect, epoll: a set of descriptors),
 * {@code accept}, {@code running}, {@code none} (stopped outside a system call) or {@code other}
 * (futex, sleep, wait...). {@code inode} is the socket the descriptor {@code fd} refers to (0 when
 * unknown or not a socket), so it can be matched with the socket table.
 */
public record ThreadInfo(int tid, String comm, String state, String waitClass, String call, int fd, long inode, long nfds) {

  static ThreadInfo of(ThreadRow t) {
    return new ThreadInfo(t.tid(), t.comm(), t.state(), t.waitClass(), t.call(), t.fd() == null ? -1 : t.fd(),
        t.inode() == null ? 0 : t.inode(), t.nfds() == null ? 0 : t.nfds());
  }

  /** Blocked waiting for data on one descriptor only: a receive, or a poll on that one descriptor. */
  public boolean waitsOnOneDescriptor() {
    return waitClass.equals("read") || (waitClass.equals("poll") && nfds == 1);
  }

  /** Blocked waiting on several descriptors at once: select, pselect, epoll, poll of many. */
  public boolean waitsOnMany() {
    return waitClass.equals("multiplex") || (waitClass.equals("poll") && nfds > 1);
  }

  /** Whether this thread waits for data on the socket {@code socketInode} alone. */
  public boolean waitsOnlyOn(long socketInode) {
    return waitsOnOneDescriptor() && socketInode != 0 && inode == socketInode;
  }

  String render() {
    String what = switch (waitClass) {
      case "running" -> "running";
      case "none" -> "stopped outside a system call";
      case "poll" -> call + "(" + nfds + " descriptor" + (nfds == 1 ? "" : "s") + (fd >= 0 ? ": fd " + fd : "") + ")";
      case "read", "accept" -> call + "(fd " + fd + ")";
      default -> call.isEmpty() ? waitClass : call + "()";
    };
    String socket = inode != 0 ? "  socket:[" + inode + "]" : "";
    return String.format("%7d %-16s %s  %s%s", tid, comm, state, what, socket);
  }
}
