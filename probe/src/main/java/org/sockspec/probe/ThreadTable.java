package org.sockspec.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sockspec.probe.protocol.ProbeAnswer.ThreadRow;
import org.sockspec.probe.protocol.ProbeAnswer.Threads;

/**
 * {@code proc.threads PID}: the threads of one process and what each is blocked on, so that a spec
 * can tell a thread per client (each thread waits in a receive on its own client's socket) from
 * one thread serving everyone (a single wait in select, poll or epoll on every socket).
 *
 * <p>Read from {@code /proc/PID/task/TID/syscall} (the blocked call and its arguments), and for a
 * wait on several descriptors the set it waits on, from the process's memory and descriptors:
 * select's and pselect's read set (a bitmap of {@code nfds} bits), poll's {@code struct pollfd}
 * array, epoll's interest list ({@code /proc/PID/fdinfo/EPFD}). A receive that only peeks
 * ({@code MSG_PEEK}) reads nothing and serves no one: it is told apart ({@code peek}). Every
 * descriptor is resolved to its socket's inode through {@code /proc/PID/fd}, which the socket table
 * also shows. What only the process's owner or a tracer may read is read through {@link ProcAccess}.
 */
final class ThreadTable {
  private static final Path PROC = Path.of("/proc");
  /** The most descriptors a wait is read for (select's own limit, FD_SETSIZE, and poll arrays as large). */
  static final int MAX_WATCHED = 1024;
  /** MSG_PEEK, in a receive's flags: the data stays queued. */
  private static final long MSG_PEEK = 0x2;
  private final Syscalls syscalls;
  private final AsProgram asProgram;

  /** {@code asProgram}: how to read a process not ours to trace (or null: the probe may trace all). */
  ThreadTable(Syscalls syscalls, AsProgram asProgram) {
    this.syscalls = syscalls;
    this.asProgram = asProgram;
  }

  ThreadTable(Syscalls syscalls) {
    this(syscalls, null);
  }

  Threads list(int pid) throws IOException {
    List<Integer> tids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC.resolve(pid + "/task"), "[0-9]*")) {
      entries.forEach(entry -> tids.add(Integer.parseInt(entry.getFileName().toString())));
    } catch (IOException e) {
      return new Threads(pid, true, List.of(), false);
    }
    tids.sort(null);
    ProcAccess access = asProgram != null && !tids.isEmpty() && !ProcAccess.Direct.traceable(pid, tids.get(0))
        ? new ProcAccess.AsTheProgram(asProgram, pid) : new ProcAccess.Direct(pid);
    Map<String, String> fds = access.fds();
    if (access.hidden()) {
      return new Threads(pid, false, List.of(), true);
    }
    Map<Integer, String> lines = access.syscalls(tids);
    List<ThreadRow> threads = new ArrayList<>();
    for (int tid : tids) {
      String line = lines.get(tid);
      ThreadRow thread = line == null ? null : describe(pid, tid, line, fds, access);
      if (thread != null) {
        threads.add(thread);
      }
    }
    return new Threads(pid, false, threads, access.hidden());
  }

  private ThreadRow describe(int pid, int tid, String syscall, Map<String, String> fds, ProcAccess access) {
    Path task = PROC.resolve(pid + "/task/" + tid);
    try {
      String comm = Files.readString(task.resolve("comm")).strip();
      String stat = Files.readString(task.resolve("stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
      Wait wait = wait(syscall, syscalls);
      Watch watch = watched(wait, access, fds);
      Integer fd = watch.objects() == 1 ? watch.singleFd() : null;
      return new ThreadRow(tid, comm, state, wait.waitClass(), wait.call(), fd,
          fd == null ? null : watch.inodes().isEmpty() ? null : watch.inodes().get(0),
          wait.waitClass().equals("poll") || wait.waitClass().equals("multiplex") ? (long) watch.objects() : null,
          watch.inodes(), watch.opaque() ? Boolean.TRUE : null);
    } catch (IOException | RuntimeException e) {
      return null; // the thread ended while we looked
    }
  }

  /**
   * What a wait is on: the sockets (by inode, as the socket table names them), how many distinct
   * objects in all (two descriptors of one socket are one), the descriptor when there is one object,
   * and whether part of it could not be read (an epoll member whose descriptor now names something
   * else: what it watches is hidden, and never counts in the program's favour).
   */
  record Watch(List<Long> inodes, int objects, Integer singleFd, boolean opaque) {}

  /**
   * What a wait waits on: the descriptor of a receive or an accept; every descriptor of a poll's
   * array and of a select's three sets, whatever it asks for (a wait on a client's socket is a wait
   * on it: a peek or a poll for urgent data included); an epoll's interest list, each member by the
   * inode the kernel names (not by the descriptor number, which the program may have reused since),
   * through every epoll inside it.
   */
  static Watch watched(Wait wait, ProcAccess access, Map<String, String> fds) {
    long[] a = wait.args();
    return switch (wait.waitClass()) {
      case "read", "peek", "accept" -> ofDescriptors(List.of((int) a[0]), fds);
      case "poll" -> ofDescriptors(pollfds(access.memory(a[0], (int) Math.min(a[1], MAX_WATCHED) * 8)), fds);
      case "multiplex" -> wait.call().startsWith("epoll") ? epollWatch((int) a[0], access, fds)
          : ofDescriptors(selectSets(access, a), fds);
      default -> new Watch(List.of(), 0, null, false);
    };
  }

  /** The descriptors set in select's read, write and except sets of {@code nfds} bits. */
  private static List<Integer> selectSets(ProcAccess access, long[] a) {
    int nfds = (int) Math.min(a[0], MAX_WATCHED);
    Set<Integer> fds = new java.util.TreeSet<>();
    for (int set = 1; set <= 3; set++) {
      if (a[set] != 0) {
        fds.addAll(readSet(access.memory(a[set], (nfds + 63) / 64 * 8), nfds));
      }
    }
    return List.copyOf(fds);
  }

  /** Descriptors, as what each refers to now: distinct objects, the sockets among them. */
  private static Watch ofDescriptors(List<Integer> descriptors, Map<String, String> fds) {
    Map<String, Integer> objects = new java.util.LinkedHashMap<>();
    descriptors.forEach(fd -> objects.putIfAbsent(String.valueOf(fds.get(Integer.toString(fd))), fd));
    List<Long> inodes = objects.keySet().stream().map(ThreadTable::socketInode).filter(inode -> inode != 0).toList();
    return new Watch(inodes, objects.size(), objects.size() == 1 ? objects.values().iterator().next() : null, false);
  }

  /** How deep epolls inside epolls are followed: further than any real server nests them. */
  private static final int MAX_EPOLL_DEPTH = 8;
  /** The link of an epoll's descriptor. */
  private static final String EPOLL = "anon_inode:[eventpoll]";

  /** An epoll's interest list, and that of every epoll in it (each once). */
  static Watch epollWatch(int epfd, ProcAccess access, Map<String, String> fds) {
    Set<Long> inodes = new LinkedHashSet<>();
    Set<String> objects = new LinkedHashSet<>();
    boolean opaque = false;
    Set<Integer> seen = new java.util.HashSet<>(List.of(epfd));
    List<Integer> level = List.of(epfd);
    for (int depth = 0; depth < MAX_EPOLL_DEPTH && !level.isEmpty(); depth++) {
      List<Integer> next = new ArrayList<>();
      for (int ep : level) {
        List<String> info = access.fdinfo(ep);
        long anon = ownInode(info);
        for (long[] member : epollMembers(info)) {
          int tfd = (int) member[0];
          long ino = member[1];
          if (ino != anon) {
            inodes.add(ino); // a socket (or a file): the kernel's own name for it
            objects.add("ino:" + ino);
            continue;
          }
          String link = fds.get(Integer.toString(tfd));
          if (EPOLL.equals(link)) {
            if (seen.add(tfd)) {
              next.add(tfd);
            }
          } else if (link != null && link.startsWith("anon_inode:")) {
            objects.add(link + "#" + tfd); // an eventfd, a timerfd...: no client there
          } else {
            opaque = true; // an anonymous member (an epoll?) whose descriptor now names something else
          }
        }
      }
      level = next;
    }
    if (!level.isEmpty()) {
      opaque = true; // deeper than any real server nests them
    }
    return new Watch(List.copyOf(inodes), objects.size() + (opaque ? 1 : 0), null, opaque);
  }

  /** The {@code ino:} of an epoll's own fdinfo: the inode every anonymous file shares. */
  private static long ownInode(List<String> fdinfo) {
    for (String line : fdinfo) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2 && f[0].equals("ino:")) {
        try {
          return Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** The descriptors of a {@code struct pollfd} array (whatever events each asks for): {int fd; short events; short revents;}. */
  static List<Integer> pollfds(Optional<byte[]> array) {
    Set<Integer> fds = new LinkedHashSet<>();
    array.ifPresent(bytes -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
      for (int at = 0; at + 8 <= bytes.length; at += 8) {
        int fd = buffer.getInt(at);
        if (fd >= 0) {
          fds.add(fd);
        }
      }
    });
    return List.copyOf(fds);
  }

  /** The descriptors set in a select set of {@code nfds} bits (an array of longs, native order). */
  static List<Integer> readSet(Optional<byte[]> bitmap, int nfds) {
    List<Integer> fds = new ArrayList<>();
    bitmap.ifPresent(bytes -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
      for (int fd = 0; fd < nfds && fd / 64 * 8 + 8 <= bytes.length; fd++) {
        if ((buffer.getLong(fd / 64 * 8) >>> (fd % 64) & 1) != 0) {
          fds.add(fd);
        }
      }
    });
    return fds;
  }

  /**
   * The members of an epoll's interest list, from its fdinfo: a line {@code tfd: N events: HEX data:
   * HEX pos:P ino:HEX sdev:HEX} each, as (descriptor number, inode).
   */
  static List<long[]> epollMembers(List<String> fdinfo) {
    List<long[]> members = new ArrayList<>();
    for (String line : fdinfo) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 2 || !f[0].equals("tfd:")) {
        continue;
      }
      try {
        long ino = -1;
        for (String field : f) {
          if (field.startsWith("ino:")) {
            ino = Long.parseLong(field.substring(4), 16);
          }
        }
        members.add(new long[] {Integer.parseInt(f[1]), ino});
      } catch (NumberFormatException e) {
        // not a line of the interest list
      }
    }
    return members;
  }

  /** What a {@code syscall} line says: {@code running}, {@code -1 SP PC}, or {@code NR ARG1..ARG6 SP PC}. */
  record Wait(String waitClass, String call, long[] args) {
    /** The descriptor of a wait on one: a receive's or an accept's first argument. */
    OptionalInt fd() {
      return waitClass.equals("read") || waitClass.equals("peek") || waitClass.equals("accept")
          ? OptionalInt.of((int) args[0]) : OptionalInt.empty();
    }

    long nfds() {
      return waitClass.equals("poll") ? args[1] : 0;
    }

    long address() {
      return waitClass.equals("poll") ? args[0] : 0;
    }
  }

  static Wait wait(String line, Syscalls syscalls) {
    String[] f = line.strip().split("\\s+");
    if (f[0].equals("running")) {
      return new Wait("running", "", new long[6]);
    }
    int number = Integer.parseInt(f[0]);
    if (number < 0 || f.length < 7) {
      return new Wait("none", "", new long[6]); // blocked outside any system call
    }
    Syscalls.Call call = syscalls.call(number);
    long[] args = new long[6];
    for (int i = 0; i < 6; i++) {
      args[i] = Long.parseUnsignedLong(f[i + 1].substring(2), 16);
    }
    String waitClass = call.waitClass();
    if (waitClass.equals("read") && (flags(call.name(), args) & MSG_PEEK) != 0) {
      waitClass = "peek"; // it would read nothing: the data stays for whoever really reads
    }
    return new Wait(waitClass, call.name(), args);
  }

  /** A receive's flags: recvfrom's fourth argument, recvmsg's and recvmmsg's third (read has none). */
  private static long flags(String call, long[] args) {
    return switch (call) {
      case "recvfrom" -> args[3];
      case "recvmsg" -> args[2];
      case "recvmmsg" -> args[3];
      default -> 0;
    };
  }

  /** The inode of a {@code socket:[N]} link target, or 0 when it is not a socket. */
  static long socketInode(String target) {
    return target != null && target.startsWith("socket:[") ? Long.parseLong(target.substring(8, target.length() - 1)) : 0;
  }
}
