# The probe's packet capture: every frame on the namespace's loopback, written to standard output
# as a pcap file (nanosecond timestamps from the kernel, Ethernet frames, at most SNAP bytes each),
# until standard input closes. A packet socket sees each loopback frame twice, as sent and as
# received: the sent copy is left out, as libpcap does. Says "ready" on standard error once it
# captures, or "unavailable: WHY" and exits 3 when it cannot (no CAP_NET_RAW, no packet sockets).
import os
import select
import socket
import struct
import sys
import time

SNAP = int(sys.argv[1])
ETH_P_ALL = 3
SO_TIMESTAMPNS = 35
PACKET_OUTGOING = 4

try:
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.bind(("lo", 0))
    sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
except (OSError, AttributeError) as e:
    sys.stderr.write("unavailable: %s\n" % e)
    sys.stderr.flush()
    sys.exit(3)

out = sys.stdout.buffer
out.write(struct.pack("<IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, SNAP, 1))
out.flush()
sys.stderr.write("ready\n")
sys.stderr.flush()


def write_one():
    data, ancillary, _, address = sock.recvmsg(65535, socket.CMSG_SPACE(16))
    if address[2] == PACKET_OUTGOING:
        return
    seconds, nanos = divmod(time.time_ns(), 1_000_000_000)
    for level, kind, value in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
            seconds, nanos = struct.unpack("qq", value[:16])
    kept = data[:SNAP]
    out.write(struct.pack("<IIII", seconds, nanos, len(kept), len(data)) + kept)
    out.flush()


stdin = sys.stdin.fileno()
while True:
    ready, _, _ = select.select([sock, stdin], [], [])
    if sock in ready:
        write_one()
    if stdin in ready and not os.read(stdin, 1):
        break
# What is already queued is the spec's too: read it without waiting for more.
sock.setblocking(False)
while True:
    try:
        write_one()
    except BlockingIOError:
        break
