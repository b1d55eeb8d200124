package org.sockspec.probe.protocol;

import java.util.List;
import java.util.Map;

/**
 * An answer of the probe protocol: the closed list of what the probe answers, each a record
 * written as one JSON object (its components as fields, byte strings in base64, a null component
 * left out) and read back by the kit into the same record. Socket operations answer with the
 * kernel's {@link Outcome} and, on {@code error}, its message; any other request the probe could
 * not do is answered {@code {"outcome":"error","error":...}}, which the kit reports as its own
 * error, never as the program's.
 */
public sealed interface ProbeAnswer {
  /** tcp.connect: {@code localPort} once connected. */
  record Connected(Outcome outcome, int localPort, long ms, String error) implements ProbeAnswer {}

  /** tcp.send, udp.send: {@code sent} is the byte count the send returned. */
  record Sent(Outcome outcome, int sent, String error) implements ProbeAnswer {}

  /** tcp.recv, udp.recv: what came; {@code fromPort} the datagram's source port (UDP). */
  record Received(Outcome outcome, byte[] data, long ms, Integer fromPort, String error) implements ProbeAnswer {}

  /** tcp.close, tcp.abort: {@code reset} when the close was a reset. */
  record Closed(boolean reset) implements ProbeAnswer {}

  /** udp.open. */
  record Opened(Outcome outcome, int localPort, String error) implements ProbeAnswer {}

  /** udp.burst: how many of {@code count} sends returned the full length, and the first error. */
  record BurstSent(int count, int full, long ms, String error) implements ProbeAnswer {}

  /** udp.drain: the datagrams that were waiting, and their bytes. */
  record Drained(int count, long bytes) implements ProbeAnswer {}

  /** tcp.burst: {@code outcome} timeout when the burst did not end in its bound. */
  record TcpBurstDone(Outcome outcome, long expected, long sent, boolean writersDoneWhilePaused, long queuedWhilePaused,
      long received, long ms, String error) implements ProbeAnswer {}

  /** serve, lane.target, lab.put: done. */
  record Done() implements ProbeAnswer {}

  /** serve.log. */
  /**
   * serve.log: what a kit server kept of what it received (bounded), and what it only counted past
   * its bound: {@code droppedEvents} events and {@code droppedBytes} bytes of data.
   */
  record ServedEvents(List<ServedEvent> events, long droppedEvents, long droppedBytes) implements ProbeAnswer {}

  /**
   * One event of a kit server: {@code connected}, {@code data} (with bytes), {@code eof},
   * {@code reset}; {@code connection} numbers a TCP connection from 1 (0 for UDP).
   */
  record ServedEvent(int connection, int remotePort, String event, long atMs, byte[] data) {}

  /**
   * await.socket: whether the socket was there within the bound, and when; when it was not, how
   * long the machine has kept the program waiting since it started ({@code waited}).
   */
  record SocketAwaited(boolean found, long ms, MachineWait waited) implements ProbeAnswer {}

  /** net.sockets. */
  /**
   * net.sockets: the namespace's sockets with their owners, and the program's processes whose
   * descriptors the probe could not read ({@code hidden}: made undumpable, where the probe cannot
   * trace), so that a socket no listed process holds is not taken for a socket nobody holds.
   */
  record Sockets(List<SocketRow> sockets, List<Integer> hidden) implements ProbeAnswer {}

  /**
   * One socket as /proc/net lists it, with the PIDs holding it.
   *
   * @param timerMs how long its timer still runs (a TIME_WAIT's wait)
   */
  record SocketRow(Protocol proto, String family, String state, String localAddress, int localPort,
      String remoteAddress, int remotePort, long sendQ, long recvQ, int uid, long inode, long timerMs,
      List<Integer> pids) {}

  /** net.counters: group ("Udp", "TcpExt") to counter to value. */
  record KernelCounters(Map<String, Map<String, Long>> counters) implements ProbeAnswer {}

  /**
   * proc.waited: how long the machine has kept the program waiting since it started, in
   * milliseconds, as the kernel counts it for its most delayed live thread: on a run queue for a CPU
   * ({@code cpuMs}, its schedstat) and on the disk ({@code ioMs}, its block I/O delay: 0 where the
   * kernel's delay accounting is off). Time a busy machine took from the program, not time it took.
   * The kernel adds a wait to these counts only when it ends: {@code heldNow} says that a thread of
   * the program is in uninterruptible sleep (state D) right now, a wait not counted yet.
   */
  record MachineWait(long cpuMs, long ioMs, boolean heldNow) implements ProbeAnswer {
    public static final MachineWait NONE = new MachineWait(0, 0, false);

    public long totalMs() {
      return cpuMs + ioMs;
    }
  }

  /** proc.list. */
  record Processes(List<ProcessRow> processes) implements ProbeAnswer {}

  /** One process: {@code probe} the probe itself, {@code program} one of the program under test's. */
  record ProcessRow(int pid, int ppid, int uid, String state, int threads, String comm, String cmdline, boolean probe,
      boolean program) {}

  /** proc.threads: {@code gone} when the process no longer exists. */
  /** proc.threads: {@code hidden} when the program made the process's threads unreadable (not dumpable). */
  record Threads(int pid, boolean gone, List<ThreadRow> threads, boolean hidden) implements ProbeAnswer {}

  /**
   * One thread and what it waits on: {@code waitClass} the class (read, peek, accept, poll,
   * multiplex...), {@code call} the system call; {@code fd} and {@code inode} the one descriptor it
   * waits on, {@code nfds} how many a poll, select or epoll waits on, and {@code watched} the sockets
   * among them (inodes), where known.
   */
  record ThreadRow(int tid, String comm, String state, String waitClass, String call, Integer fd, Long inode, Long nfds,
      List<Long> watched, Boolean opaque) {}

  /** proc.signal: {@code error} what kill printed when it failed. */
  record Signalled(boolean sent, String error) implements ProbeAnswer {}

  /**
   * limits.hit: what the process sandbox's watchdog counted ({@code watched} false: no watchdog,
   * the kernel keeps the limits).
   */
  record Limits(boolean watched, long memoryStops, long processStops, long diskStops, long memorySeenBytes)
      implements ProbeAnswer {}

  /**
   * bench.reset: {@code clean}, or the reasons the lane cannot be proven as new; in a shared
   * namespace, how long a TIME_WAIT the program left on its port still has ({@code timeWaitLeftMs},
   * 0 when there is none), which would refuse the next server's bind without SO_REUSEADDR.
   */
  record ResetDone(boolean clean, List<String> reasons, long ms, long timeWaitLeftMs) implements ProbeAnswer {}

  /**
   * capture.start: whether the probe captures, and why not ({@code unavailable}); {@code clockNanos},
   * the probe's wall clock as it started (nanoseconds since the epoch): the clock of the machine
   * whose kernel stamps the packets, which need not be the kit's (an engine on another machine).
   */
  record CaptureStarted(boolean capturing, String unavailable, long clockNanos) implements ProbeAnswer {}

  /**
   * capture.stop: the capture as a pcap file ({@code capturing} false: there was none);
   * {@code truncated} when the spec's traffic outgrew what a capture keeps.
   */
  record Captured(boolean capturing, byte[] pcap, boolean truncated) implements ProbeAnswer {}

  /** probe.stats: per verb, its calls and CPU time. */
  record Stats(Map<String, String> verbs) implements ProbeAnswer {}
}
