# The probe's packet capture: every frame on the namespace's loopback, written to standard output
# as pcap records (nanosecond timestamps from the kernel, Ethernet frames, at most SNAP bytes each),
# after a pcap file header. One runs as long as its probe: a line "mark N" on standard input is
# answered, once every frame already queued is written, by a marker record (seconds 0xFFFFFFFF,
# nanoseconds N, no data), which is how the probe cuts the stream into its specs' captures.
# A packet socket sees each loopback frame twice, as sent and as received: the sent copy is left
# out, as libpcap does. Says "ready" on standard error once it captures, or "unavailable: WHY"
# and exits 3 when it cannot (no CAP_NET_RAW, no packet sockets). Ends with standard input.
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
MARK = 0xFFFFFFFF

try:
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.bind(("lo", 0))
    sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    sock.setblocking(False)
except (OSError, AttributeError) as e:
    sys.stderr.write("unavailable: %s\n" % e)
    sys.stderr.flush()
    sys.exit(3)

out = sys.stdout.buffer
out.write(struct.pack("<IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, SNAP, 1))
out.flush()
sys.stderr.write("ready\n")
sys.stderr.flush()


def write_queued():
    """Writes every frame already queued on the socket; returns when none is left."""
    while True:
        try:
            data, ancillary, _, address = sock.recvmsg(65535, socket.CMSG_SPACE(16))
        except BlockingIOError:
            out.flush()
            return
        if address[2] == PACKET_OUTGOING:
            continue
        seconds, nanos = divmod(time.time_ns(), 1_000_000_000)
        for level, kind, value in ancillary:
            if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
                seconds, nanos = struct.unpack("qq", value[:16])
        kept = data[:SNAP]
        out.write(struct.pack("<IIII", seconds, nanos, len(kept), len(data)) + kept)


commands = sys.stdin.buffer
pending = b""
while True:
    ready, _, _ = select.select([sock, commands], [], [])
    if sock in ready:
        write_queued()
    if commands in ready:
        chunk = os.read(commands.fileno(), 4096)
        if not chunk:
            break
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            words = line.split()
            if len(words) == 2 and words[0] == b"mark":
                write_queued()
                out.write(struct.pack("<IIII", MARK, int(words[1]), 0, 0))
                out.flush()
