import ctypes
import queue
import socket
import threading
# A server that accepts every client as it comes and serves them one after another (the next one
# waits accepted, its bytes unread), handed in as the single-threaded one, which must not accept a
# second client while it serves the first; and it hides its descriptors: it makes itself not dumpable
# (prctl(PR_SET_DUMPABLE, 0)), after which only a tracer (CAP_SYS_PTRACE) may read them, which the
# process sandbox inside a platform does not have. Which process holds which socket can then not be
# proven: the kit must never take that for "nobody holds it".
PR_SET_DUMPABLE = 4
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


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


accepted = queue.Queue()
threading.Thread(target=serve_in_turn, args=(accepted,), daemon=True).start()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", 12800))
s.listen(5)
while True:
    conn, addr = s.accept()  # at once, whoever comes: the next client waits accepted, unread
    accepted.put(conn)
