package org.sockspec.probe.protocol;

/**
 * A request of the probe protocol: the closed list of what the kit asks the probe, each a record
 * whose components are the request's arguments, in order (see {@link RequestLine} for the line,
 * {@link Verb} for the names). The kit builds them and the probe reads them back into the same
 * records, so neither side counts positions in a line. A trailing component that may be null is
 * optional on the wire.
 */
public sealed interface ProbeRequest {
  /** Connect client {@code client} to 127.0.0.1:{@code port}, within {@code timeoutMs}. */
  record TcpConnect(String client, int port, int timeoutMs) implements ProbeRequest {}

  record TcpSend(String client, byte[] data) implements ProbeRequest {}

  /**
   * Read until at least {@code min} bytes (at most {@code max}), the peer ends, or the window
   * ends; with {@code expected}, also as soon as what came can no longer become it.
   */
  record TcpRecv(String client, int max, int timeoutMs, int min, byte[] expected) implements ProbeRequest {}

  /** Close (a reset when the peer closed first); with {@code waitMs}, wait that long for the peer to close first. */
  record TcpClose(String client, Integer waitMs) implements ProbeRequest {}

  /** Close with a reset (SO_LINGER 0). */
  record TcpAbort(String client) implements ProbeRequest {}

  /** A UDP socket on 127.0.0.1, connected to {@code peerPort} when given. */
  record UdpOpen(String client, Integer peerPort) implements ProbeRequest {}

  record UdpSend(String client, int port, byte[] data) implements ProbeRequest {}

  record UdpRecv(String client, int timeoutMs) implements ProbeRequest {}

  /** The datagram {@code count} times back to back. */
  record UdpBurst(String client, int port, int count, byte[] data) implements ProbeRequest {}

  /** Read every datagram already queued, without waiting. */
  record UdpDrain(String client) implements ProbeRequest {}

  /** {@code clients} connections each write {@code message} {@code count} times to a paused reader of the probe's own. */
  record TcpBurst(int clients, int count, byte[] message, int timeoutMs) implements ProbeRequest {}

  /**
   * Serve as the lab's server on {@code port}, answering every message by the lab's {@code rule}
   * (as {@link AnswerRule#parse} reads it), its messages cut as {@code framing} ({@link Framing#wire}) says;
   * the messages numbered in {@code drop} (comma separated, 1 the first it receives; empty for none)
   * are kept but not answered, and each answer leaves {@code delayMs} after its message came (none: at once).
   */
  record Serve(Protocol protocol, String server, int port, String rule, String framing, String drop, Integer delayMs)
      implements ProbeRequest {}

  /** What a server of {@link Serve} received so far. */
  record ServeLog(String server) implements ProbeRequest {}

  /** Until a socket of {@code protocol} on local {@code port} is in {@code state} (LISTEN, UNCONN, ANY...). */
  record AwaitSocket(Protocol protocol, int port, String state, int timeoutMs) implements ProbeRequest {}

  /** The namespace's sockets with their owners. */
  record NetSockets() implements ProbeRequest {}

  /** The namespace's kernel counters (/proc/net/snmp, /proc/net/netstat). */
  record NetCounters() implements ProbeRequest {}

  record ProcList() implements ProbeRequest {}

  /** How long the machine has kept the program waiting (see {@link ProbeAnswer.MachineWait}). */
  record ProcWaited() implements ProbeRequest {}

  /** Send signal {@code signal} (STOP, CONT, TERM, KILL...) to {@code pid}. */
  record ProcSignal(int pid, String signal) implements ProbeRequest {}

  /** The threads of {@code pid} and what each is blocked on. */
  record ProcThreads(int pid) implements ProbeRequest {}

  /** The port of the target this lane now serves. */
  record LaneTarget(int port) implements ProbeRequest {}

  /**
   * One file of the submission, at {@code path} inside the lab folder, mode 644 or 755: its bytes
   * from {@code offset} (a file crosses in pieces, each a line of its own; none or 0: a new file).
   */
  record LabPut(String path, String mode, byte[] content, Long offset) implements ProbeRequest {}

  /** What the watchdog counted against the limits (process sandbox). */
  record LimitsHit() implements ProbeRequest {}

  /**
   * End what a spec left and prove the namespace as new, for the target's {@code port}; in a
   * namespace shared with the machine, wait at most {@code timeWaitMs} (none: 0) for a TIME_WAIT on
   * the port to end.
   */
  record BenchReset(int port, Integer timeWaitMs) implements ProbeRequest {}

  /** Starts capturing the namespace's loopback traffic (one capture at a time). */
  record CaptureStart() implements ProbeRequest {}

  /** Stops capturing, and answers the capture. */
  record CaptureStop() implements ProbeRequest {}

  /** Calls and CPU time per verb so far. */
  record ProbeStats() implements ProbeRequest {}
}
