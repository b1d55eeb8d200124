# HOSTILE (red team, round 3): a THREAD-PER-CLIENT server handed in as the select (one thread) server.
# Each worker thread waits for its client in recv(MSG_PEEK) (the kit's round-2 fix says a peek
# "reads nothing", so the worker is no thread of its client's own), then reads for real.
# Decoy: one thread in epoll_wait on an edge-triggered EPOLLIN epoll holding every client: it
# "waits on every client at once", wakes once per arrival and never reads anything.
import socket, select, threading
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (thread per client, disguised as select)", flush=True)
ep = select.epoll()
def decoy():
    while True:
        ep.poll()                       # edge-triggered: wakes once per arrival, reads nothing
threading.Thread(target=decoy, daemon=True).start()
def serve(conn):
    fd = conn.fileno()
    try:
        while True:
            if not conn.recv(1, socket.MSG_PEEK):   # the blocking wait: a peek
                break
            data = conn.recv(1024)                  # the real read, done by this thread
            if not data:
                break
            conn.send(b"Message received")
            print("worker", threading.get_ident(), "got", data, flush=True)
            if data == b"end":
                break
    except OSError:
        pass
    try: ep.unregister(fd)
    except OSError: pass
    conn.close()
while True:
    c, a = s.accept()
    ep.register(c.fileno(), select.EPOLLIN | select.EPOLLET)
    threading.Thread(target=serve, args=(c,), daemon=True).start()
