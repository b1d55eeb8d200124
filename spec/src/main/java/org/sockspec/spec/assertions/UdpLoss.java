package org.sockspec.spec.assertions;

import org.sockspec.bench.TcpBurst;

/**
 * What a burst of datagrams to a stopped UDP server gave once it resumed (see
 * {@code udp.drops-under-load}), with the same burst over TCP for comparison.
 *
 * @param sent              datagrams whose {@code sendto} returned the full count
 * @param heldWhilePaused   bytes the server's socket held while it was stopped (its Recv-Q,
 *                          counted as the kernel charges them: each datagram with its overhead)
 * @param droppedWhilePaused Udp RcvbufErrors over the burst: datagrams dropped, the buffer full
 * @param answered          answers the clients got once the server resumed
 * @param droppedInAll      Udp RcvbufErrors from the burst to the last answer
 */
public record UdpLoss(int sent, long heldWhilePaused, long droppedWhilePaused, int answered, long droppedInAll,
    TcpBurst tcp) {

  /** Datagrams sent that were never answered. */
  public long missing() {
    return sent - answered;
  }

  public String describe() {
    return "UDP: " + sent + " datagrams sent to the stopped server, " + heldWhilePaused + " bytes held in its receive "
        + "buffer, Udp RcvbufErrors +" + droppedWhilePaused + " (dropped, the buffer full); once it resumed, "
        + answered + " answered, " + missing() + " missing" + (droppedInAll == droppedWhilePaused ? ""
            : ", RcvbufErrors +" + droppedInAll + " in all") + ".\nTCP, the same burst to a paused reader: "
        + tcp.describe() + ".";
  }
}
