"""The no-isolation floor of `sockspec check srv_tcp.py --as tcp`: the same six behaviours, each in a
fresh network namespace (run this under `unshare -n`), the program started with python3, the same
windows (reply bound 3 s, negative window 0.5 s), and no container, no probe, no JVM.

Usage: unshare -n python3 tcp_behaviours.py BEHAVIOUR PROGRAM.py     (exit 0: the behaviour held)
BEHAVIOUR: ack end sockets second-client-waits refused backlog
"""
import os
import socket
import subprocess
import sys
import time

PORT = 12800
ANSWER = b"Message received"
REPLY = 3.0
SILENCE = 0.5
STARTUP = 15.0


def tcp_table():
    rows = []
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            local, remote, state = fields[1], fields[2], int(fields[3], 16)
            tx, rx = (int(x, 16) for x in fields[4].split(":"))
            rows.append((int(local.split(":")[1], 16), int(remote.split(":")[1], 16), state, tx, rx, int(fields[9])))
    return rows


def until(condition, bound):
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.002)
    return condition()


STARTED = []


def start(program):
    server = subprocess.Popen([sys.executable, program], cwd=os.path.dirname(os.path.abspath(program)),
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not until(lambda: any(r[0] == PORT and r[2] == 10 for r in tcp_table()), STARTUP):
        raise SystemExit("never listened")
    STARTED.append(server)
    return server


def client():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=REPLY)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def receive(s, n, window):
    s.settimeout(window)
    got = b""
    try:
        while len(got) < n:
            chunk = s.recv(65536)
            if not chunk:
                return got, "eof"
            got += chunk
    except socket.timeout:
        return got, "timeout"
    except ConnectionResetError:
        return got, "reset"
    return got, "data"


def ack(program):
    start(program)
    a = client()
    for size in (1, 100, 1000):
        a.sendall(b"x" * size)
        assert receive(a, len(ANSWER), REPLY) == (ANSWER, "data")


def end(program):
    start(program)
    a = client()
    a.sendall(b"end")
    assert receive(a, len(ANSWER), REPLY)[0]
    assert receive(a, 1, REPLY)[1] in ("eof", "reset")


def sockets(program):
    start(program)
    a = client()
    a.sendall(b"hello")
    receive(a, len(ANSWER), REPLY)
    port = a.getsockname()[1]
    settled = until(lambda: [r for r in tcp_table() if r[0] == PORT and r[1] == port and r[3] == r[4] == 0], REPLY)
    assert settled and any(r[0] == PORT and r[2] == 10 for r in tcp_table())


def second_client_waits(program):
    start(program)
    a = client()
    a.sendall(b"I am A")
    assert receive(a, len(ANSWER), REPLY)[0]
    b = client()
    b.sendall(b"I am B")
    assert receive(b, len(ANSWER), SILENCE) == (b"", "timeout")
    bport = b.getsockname()[1]
    assert any(r[0] == PORT and r[1] == bport and r[4] == 6 for r in tcp_table())
    a.sendall(b"A again")
    assert receive(a, len(ANSWER), REPLY)[0]
    a.sendall(b"end")
    assert receive(a, len(ANSWER), REPLY)[0]
    a.close()
    got, outcome = receive(b, len(ANSWER), REPLY)
    assert got or outcome in ("eof", "reset")


def refused(program):
    s = socket.socket()
    s.settimeout(SILENCE)
    try:
        s.connect(("127.0.0.1", PORT))
    except ConnectionRefusedError:
        return
    raise AssertionError("not refused")


def backlog(program):
    start(program)
    a = client()
    a.sendall(b"I am A")
    port = a.getsockname()[1]
    assert until(lambda: any(r[0] == PORT and r[1] == port and r[5] != 0 for r in tcp_table()), REPLY)
    queued = []
    for _ in range(16):
        q = socket.socket()
        q.settimeout(SILENCE)
        try:
            q.connect(("127.0.0.1", PORT))
            queued.append(q)
        except socket.timeout:
            return  # pending: the accept queue is full
    raise AssertionError("no connect stayed pending")


BEHAVIOURS = {"ack": ack, "end": end, "sockets": sockets, "second-client-waits": second_client_waits,
              "refused": refused, "backlog": backlog}

if __name__ == "__main__":
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    try:
        BEHAVIOURS[sys.argv[1]](sys.argv[2])
    finally:
        for server in STARTED:
            server.kill()
            server.wait()
