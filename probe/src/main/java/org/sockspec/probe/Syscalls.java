package org.sockspec.probe;

import java.util.Map;

/**
 * What a thread blocked in a system call is waiting for, from the syscall number and arguments in
 * {@code /proc/PID/task/TID/syscall}. Numbers differ by architecture: x86_64 and aarch64 are
 * known; on another architecture every wait is {@code other}.
 *
 * <p>Classes: {@code read} (a receive on one descriptor: read, recv...), {@code poll} (poll/ppoll,
 * the descriptor count in the answer), {@code multiplex} (select, pselect, epoll: waiting on a set
 * of descriptors), {@code accept}, {@code other} (futex, sleeps, wait4...).
 */
final class Syscalls {
  /** A known syscall: its name and its class. */
  record Call(String name, String waitClass) {}

  private static final Map<Integer, Call> X86_64 = Map.ofEntries(
      Map.entry(0, new Call("read", "read")),
      Map.entry(17, new Call("pread64", "read")),
      Map.entry(19, new Call("readv", "read")),
      Map.entry(45, new Call("recvfrom", "read")),
      Map.entry(47, new Call("recvmsg", "read")),
      Map.entry(299, new Call("recvmmsg", "read")),
      Map.entry(7, new Call("poll", "poll")),
      Map.entry(271, new Call("ppoll", "poll")),
      Map.entry(23, new Call("select", "multiplex")),
      Map.entry(270, new Call("pselect6", "multiplex")),
      Map.entry(232, new Call("epoll_wait", "multiplex")),
      Map.entry(281, new Call("epoll_pwait", "multiplex")),
      Map.entry(441, new Call("epoll_pwait2", "multiplex")),
      Map.entry(43, new Call("accept", "accept")),
      Map.entry(288, new Call("accept4", "accept")),
      Map.entry(202, new Call("futex", "other")),
      Map.entry(35, new Call("nanosleep", "other")),
      Map.entry(230, new Call("clock_nanosleep", "other")),
      Map.entry(61, new Call("wait4", "other")),
      Map.entry(247, new Call("waitid", "other")));

  private static final Map<Integer, Call> AARCH64 = Map.ofEntries(
      Map.entry(63, new Call("read", "read")),
      Map.entry(67, new Call("pread64", "read")),
      Map.entry(65, new Call("readv", "read")),
      Map.entry(207, new Call("recvfrom", "read")),
      Map.entry(212, new Call("recvmsg", "read")),
      Map.entry(243, new Call("recvmmsg", "read")),
      Map.entry(73, new Call("ppoll", "poll")),
      Map.entry(72, new Call("pselect6", "multiplex")),
      Map.entry(22, new Call("epoll_pwait", "multiplex")),
      Map.entry(441, new Call("epoll_pwait2", "multiplex")),
      Map.entry(202, new Call("accept", "accept")),
      Map.entry(242, new Call("accept4", "accept")),
      Map.entry(98, new Call("futex", "other")),
      Map.entry(101, new Call("nanosleep", "other")),
      Map.entry(115, new Call("clock_nanosleep", "other")),
      Map.entry(260, new Call("wait4", "other")),
      Map.entry(95, new Call("waitid", "other")));

  private final Map<Integer, Call> table;

  private Syscalls(Map<Integer, Call> table) {
    this.table = table;
  }

  /** The table of {@code os.arch} (the probe shares the target's kernel, so its architecture). */
  static Syscalls forArch(String arch) {
    return switch (arch) {
      case "amd64", "x86_64" -> new Syscalls(X86_64);
      case "aarch64", "arm64" -> new Syscalls(AARCH64);
      default -> new Syscalls(Map.of());
    };
  }

  static Syscalls current() {
    return forArch(System.getProperty("os.arch"));
  }

  /** The call numbered {@code number}, or {@code syscall-N}, class other, when it is not known. */
  Call call(int number) {
    return table.getOrDefault(number, new Call("syscall-" + number, "other"));
  }
}
