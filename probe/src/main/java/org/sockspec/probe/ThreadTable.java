package org.sockspec.probe;

import org.sockspec.probe.protocol.ProbeAnswer.ThreadRow;
import org.sockspec.probe.protocol.ProbeAnswer.Threads;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code proc.threads PID}: the threads of one process and what each is blocked on, so that a spec
 * can tell a thread per client (each thread waits in a receive on its own client's socket) from
 * one thread serving everyone (a single wait in select, poll or epoll).
 *
 * <p>Read from {@code /proc/PID/task/TID/syscall} (the blocked call and its arguments; reading it
 * needs the ptrace access the probe has) and, for a {@code poll} on one descriptor, the
 * {@code struct pollfd} in the process's memory ({@code /proc/PID/mem}). A descriptor is resolved to
 * its socket's inode through {@code /proc/PID/fd}, which the socket table also shows.
 */
final class ThreadTable {
  private static final Path PROC = Path.of("/proc");
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
    List<ThreadRow> threads = new ArrayList<>();
    List<Integer> tids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tasks(pid), "[0-9]*")) {
      entries.forEach(entry -> tids.add(Integer.parseInt(entry.getFileName().toString())));
    } catch (IOException e) {
      return new Threads(pid, true, List.of(), false);
    }
    tids.sort(null);
    AsProgram.Threads seen = null;
    if (asProgram != null && !tids.isEmpty() && !traceable(pid, tids.get(0))) {
      seen = asProgram.threads(pid); // not ours to trace: read as the program's uid
    }
    for (int tid : tids) {
      ThreadRow thread = seen == null ? describe(pid, tid) : describe(pid, tid, seen);
      if (thread != null) {
        threads.add(thread);
      }
    }
    return new Threads(pid, false, threads, seen != null && seen.hidden());
  }

  private ThreadRow describe(int pid, int tid) {
    Path task = tasks(pid).resolve(Integer.toString(tid));
    try {
      String comm = Files.readString(task.resolve("comm")).strip();
      String stat = Files.readString(task.resolve("stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
      String syscall = Files.readString(task.resolve("syscall")).strip();
      Wait wait = wait(syscall, syscalls);
      OptionalInt fd = wait.fd();
      boolean poll = wait.waitClass().equals("poll");
      if (poll && wait.nfds() == 1) {
        fd = pollfd(pid, wait.address());
      }
      return new ThreadRow(tid, comm, state, wait.waitClass(), wait.call(), fd.isPresent() ? fd.getAsInt() : null,
          fd.isPresent() ? socketInode(pid, fd.getAsInt()) : null, poll ? wait.nfds() : null);
    } catch (IOException | RuntimeException e) {
      return null; // the thread ended while we looked
    }
  }

  /** As {@link #describe(int, int)}, from what the helper read as the program's uid. */
  private ThreadRow describe(int pid, int tid, AsProgram.Threads seen) {
    Path task = tasks(pid).resolve(Integer.toString(tid));
    String syscall = seen.syscalls().get(tid);
    if (syscall == null) {
      return null;
    }
    try {
      String comm = Files.readString(task.resolve("comm")).strip();
      String stat = Files.readString(task.resolve("stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
      Wait wait = wait(syscall, syscalls);
      OptionalInt fd = wait.fd();
      boolean poll = wait.waitClass().equals("poll");
      Integer first = seen.firstArgument().get(tid);
      if (poll && wait.nfds() == 1 && first != null) {
        fd = OptionalInt.of(first);
      }
      Long inode = null;
      if (fd.isPresent()) {
        String target = seen.fds().getOrDefault(Integer.toString(fd.getAsInt()), "");
        inode = target.startsWith("socket:[") ? Long.parseLong(target.substring(8, target.length() - 1)) : 0;
      }
      return new ThreadRow(tid, comm, state, wait.waitClass(), wait.call(), fd.isPresent() ? fd.getAsInt() : null,
          inode, poll ? wait.nfds() : null);
    } catch (IOException | RuntimeException e) {
      return null; // the thread ended while we looked
    }
  }

  /** Whether this probe may read the thread's system call (root needs CAP_SYS_PTRACE for another uid's). */
  private static boolean traceable(int pid, int tid) {
    try {
      Files.readString(tasks(pid).resolve(tid + "/syscall"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path tasks(int pid) {
    return PROC.resolve(pid + "/task");
  }

  /** What a {@code syscall} line says: {@code running}, {@code -1 SP PC}, or {@code NR ARG1..ARG6 SP PC}. */
  record Wait(String waitClass, String call, OptionalInt fd, long nfds, long address) {}

  static Wait wait(String line, Syscalls syscalls) {
    String[] f = line.strip().split("\\s+");
    if (f[0].equals("running")) {
      return new Wait("running", "", OptionalInt.empty(), 0, 0);
    }
    int number = Integer.parseInt(f[0]);
    if (number < 0 || f.length < 7) {
      return new Wait("none", "", OptionalInt.empty(), 0, 0); // blocked outside any system call
    }
    Syscalls.Call call = syscalls.call(number);
    long arg0 = Long.parseUnsignedLong(f[1].substring(2), 16);
    long arg1 = Long.parseUnsignedLong(f[2].substring(2), 16);
    return switch (call.waitClass()) {
      case "read", "accept" -> new Wait(call.waitClass(), call.name(), OptionalInt.of((int) arg0), 0, 0);
      case "poll" -> new Wait("poll", call.name(), OptionalInt.empty(), arg1, arg0);
      default -> new Wait(call.waitClass(), call.name(), OptionalInt.empty(), 0, 0);
    };
  }

  /** The descriptor of the {@code struct pollfd} at {@code address} (an int, little endian), if readable. */
  private static OptionalInt pollfd(int pid, long address) {
    try (RandomAccessFile mem = new RandomAccessFile(PROC.resolve(pid + "/mem").toFile(), "r")) {
      mem.seek(address);
      int fd = Integer.reverseBytes(mem.readInt());
      return OptionalInt.of(fd);
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /** The inode of the socket descriptor {@code fd} refers to, or 0 when it is not a socket. */
  private static long socketInode(int pid, int fd) {
    try {
      String target = Files.readSymbolicLink(PROC.resolve(pid + "/fd/" + fd)).toString();
      return target.startsWith("socket:[") ? Long.parseLong(target.substring(8, target.length() - 1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
