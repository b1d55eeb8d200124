package org.sockspec.probe.protocol;

import java.util.Arrays;
import java.util.Locale;

/**
 * The verbs of the probe protocol, one per {@link ProbeRequest} record; the wire name is the
 * record's name in dotted lower case ({@code TcpConnect} is {@code tcp.connect}).
 */
public enum Verb {
  TCP_CONNECT(ProbeRequest.TcpConnect.class),
  TCP_SEND(ProbeRequest.TcpSend.class),
  TCP_RECV(ProbeRequest.TcpRecv.class),
  TCP_CLOSE(ProbeRequest.TcpClose.class),
  TCP_ABORT(ProbeRequest.TcpAbort.class),
  UDP_OPEN(ProbeRequest.UdpOpen.class),
  UDP_SEND(ProbeRequest.UdpSend.class),
  UDP_RECV(ProbeRequest.UdpRecv.class),
  UDP_BURST(ProbeRequest.UdpBurst.class),
  UDP_DRAIN(ProbeRequest.UdpDrain.class),
  TCP_BURST(ProbeRequest.TcpBurst.class),
  SERVE(ProbeRequest.Serve.class),
  SERVE_LOG(ProbeRequest.ServeLog.class),
  AWAIT_SOCKET(ProbeRequest.AwaitSocket.class),
  NET_SOCKETS(ProbeRequest.NetSockets.class),
  NET_COUNTERS(ProbeRequest.NetCounters.class),
  PROC_LIST(ProbeRequest.ProcList.class),
  PROC_WAITED(ProbeRequest.ProcWaited.class),
  PROC_SIGNAL(ProbeRequest.ProcSignal.class),
  PROC_THREADS(ProbeRequest.ProcThreads.class),
  LANE_TARGET(ProbeRequest.LaneTarget.class),
  LAB_PUT(ProbeRequest.LabPut.class),
  LIMITS_HIT(ProbeRequest.LimitsHit.class),
  BENCH_RESET(ProbeRequest.BenchReset.class),
  CAPTURE_START(ProbeRequest.CaptureStart.class),
  CAPTURE_STOP(ProbeRequest.CaptureStop.class),
  PROBE_STATS(ProbeRequest.ProbeStats.class);

  private final Class<? extends ProbeRequest> request;
  private final String wire;

  Verb(Class<? extends ProbeRequest> request) {
    this.request = request;
    this.wire = request.getSimpleName().replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
  }

  /** "tcp.connect". */
  public String wire() {
    return wire;
  }

  public Class<? extends ProbeRequest> request() {
    return request;
  }

  /** Whether it is a socket operation, whose {@code error} answer is the kernel's, for the spec to judge. */
  public boolean isSocketOperation() {
    return name().startsWith("TCP_") || name().startsWith("UDP_");
  }

  public static Verb of(ProbeRequest request) {
    return Arrays.stream(values()).filter(v -> v.request == request.getClass()).findFirst().orElseThrow();
  }

  /** The verb named {@code wire} on the line; an {@link IllegalArgumentException} naming it if there is none. */
  public static Verb ofWire(String wire) {
    return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown verb " + wire));
  }

  @Override
  public String toString() {
    return wire;
  }
}
