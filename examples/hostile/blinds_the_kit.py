import os
import queue
import signal
import socket
import threading
import time
# A server that accepts every client as it comes and serves them one after another (the next one
# waits accepted, its bytes unread), handed in as the single-threaded one, which must not accept a
# second client while it serves the first; and it tries to blind the kit to that: it
# kills, over and over, every process of its own uid that is not one of its own threads' (a helper
# the kit would run as the program's uid to read its descriptors), after writing a fake line into
# every pipe of such a process it can open. A kit that took a missing owner for "nobody" would find
# client B's connection "not accepted" and pass it as the waiting server it is not.
me = os.getpid()


def blind():
    while True:
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == me:
                continue
            try:
                with open("/proc/%s/status" % entry) as f:
                    uid = [l for l in f if l.startswith("Uid:")][0].split()[1]
            except (OSError, IndexError):
                continue
            if int(uid) != os.getuid():
                continue
            for fd in ("0", "1", "2"):
                try:
                    with open("/proc/%s/fd/%s" % (entry, fd), "wb", buffering=0) as f:
                        f.write(b"end\n")
                except OSError:
                    pass
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.001)


def serve(conn):
    while True:
        msg = conn.recv(1024)
        if not msg:
            break
        conn.send(b"Message received")
        if msg == b"end":
            break
    conn.close()


def serve_in_turn(accepted):
    while True:
        serve(accepted.get())


threading.Thread(target=blind, daemon=True).start()
accepted = queue.Queue()
threading.Thread(target=serve_in_turn, args=(accepted,), daemon=True).start()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", 12800))
s.listen(5)
while True:
    conn, addr = s.accept()  # at once, whoever comes: the next client waits accepted, unread
    accepted.put(conn)
