package org.sockspec.catalogue;

import static org.sockspec.spec.assertions.SpecAssertions.assertThat;
import static org.sockspec.spec.assertions.SpecAssertions.assertThatAnswer;

import java.util.List;
import org.sockspec.bench.Bench;
import org.sockspec.bench.Bytes;
import org.sockspec.bench.Counters;
import org.sockspec.bench.Poll;
import org.sockspec.bench.ProcessInfo;
import org.sockspec.bench.TcpBurst;
import org.sockspec.bench.UdpClient;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.assertions.UdpLoss;

/** The UDP steps of the catalogue that take more than a few lines, and their diagnoses. */
final class Datagrams {
  /** Datagrams each client sends in the burst of udp.drops-under-load. */
  static final int BURST = 100;
  /** Bytes of each: 3 x 100 of them overflow Linux's default 208 KiB receive buffer (~830 B each, overhead included). */
  static final int BURST_SIZE = 100;

  private Datagrams() {}

  /**
   * Where an answer that did not come went, from the namespace's UDP counters since
   * {@code before}: the datagrams sent beyond the kit's own {@code kitSent}, and those that found no
   * socket (Udp NoPorts).
   */
  static String whereTheAnswerWent(Bench bench, Counters before, int kitSent) {
    Counters now = bench.counters();
    long serverSent = now.since(before, "Udp", "OutDatagrams") - kitSent;
    long noPorts = now.since(before, "Udp", "NoPorts");
    if (serverSent <= 0) {
      return "The server sent no datagram at all meanwhile (Udp OutDatagrams grew only by the kit's own "
          + kitSent + ").";
    }
    if (noPorts > 0) {
      return "The server did send " + serverSent + " datagram" + (serverSent == 1 ? "" : "s") + ", and Udp NoPorts grew by "
          + noPorts + ": " + (noPorts == 1 ? "it" : "they") + " went to a port no socket is bound to. Send the answer "
          + "to the address and port recvfrom returned.";
    }
    return "The server did send " + serverSent + " datagram" + (serverSent == 1 ? "" : "s")
        + " (Udp OutDatagrams), to a socket other than the client's.";
  }

  /**
   * Stops the server (SIGSTOP) once it answered a first datagram, sends a burst from three
   * clients, resumes it (SIGCONT) and counts the answers until they account for every datagram the
   * kernel kept (bounded by the reply bound); then the same burst over TCP.
   */
  static UdpLoss burstToStoppedServer(Bench bench) {
    int port = bench.target().port();
    List<UdpClient> clients = List.of(bench.udpClient("A"), bench.udpClient("B"), bench.udpClient("C"));
    UdpClient first = clients.get(0);
    Counters start = bench.counters();
    first.send(port, "first");
    assertThatAnswer(first.receive()).as("client A's first datagram, before the burst,")
        .explainedBy(() -> whereTheAnswerWent(bench, start, 1)).isAnswered();
    int pid = assertThat(bench.sockets()).hasOneProgramUdpSocket(port).actual().pids().get(0);

    bench.signal(pid, "STOP");
    int sent = 0;
    long held;
    Counters before;
    Counters paused;
    try {
      awaitState(bench, pid, "T", "stopped");
      before = bench.counters();
      for (UdpClient client : clients) {
        sent += client.sendBurst(port, BURST, payload(client.name()));
      }
      paused = bench.counters();
      held = bench.sockets().onPort(Protocol.UDP, port).stream().mapToLong(s -> s.recvQ()).sum();
    } finally {
      bench.signal(pid, "CONT");
    }
    long dropped = paused.since(before, "Udp", "RcvbufErrors");
    long kept = sent - dropped;
    int[] answered = {0};
    bench.await("the answers to the " + kept + " datagrams the kernel kept", () -> answered[0] += drain(clients),
        total -> total >= kept, bench.timing().reply(), total -> total + " answers");
    answered[0] += drain(clients); // an answer beyond those would be one too many: count it too
    long droppedInAll = bench.counters().since(before, "Udp", "RcvbufErrors");
    TcpBurst tcp = bench.tcpBurst(clients.size(), BURST, payload("T"));
    UdpLoss loss = new UdpLoss(sent, held, dropped, answered[0], droppedInAll, tcp);
    bench.observe("loss", loss.describe());
    return loss;
  }

  private static int drain(List<UdpClient> clients) {
    return clients.stream().mapToInt(UdpClient::drain).sum();
  }

  private static byte[] payload(String client) {
    StringBuilder text = new StringBuilder(client).append(" sends a burst ");
    while (text.length() < BURST_SIZE) {
      text.append('.');
    }
    return Bytes.utf8(text.toString());
  }

  /** Waits until process {@code pid} is in kernel state {@code state} (T: stopped); a kit error if never. */
  private static void awaitState(Bench bench, int pid, String state, String meaning) {
    Poll.Sampled<List<ProcessInfo>> seen = bench.await("PID " + pid + " " + meaning + " (state " + state + ")",
        () -> bench.processes().all(), all -> all.stream().anyMatch(p -> p.pid() == pid && p.state().equals(state)),
        bench.timing().reply());
    if (!seen.met()) {
      throw new IllegalStateException("the kit sent SIGSTOP to the server (PID " + pid + ") but it was not "
          + meaning + " within " + seen.window().toMillis() + " ms");
    }
  }
}
