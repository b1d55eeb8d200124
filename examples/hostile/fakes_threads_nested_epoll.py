# HOSTILE (red team, round 2): ONE-THREAD event loop handed in as the thread-per-client server.
# The loop waits in epoll_wait on an OUTER epoll whose only member is an INNER epoll holding the
# listener and every client (the kit reads the outer's interest list: one non-socket fd).
# Decoys: a thread per client in poll([conn], POLLPRI) -- "waiting on its one socket", but
# it never reads (it only wakes on urgent data or hang-up, then exits).
import os, socket, select, threading
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (one loop in disguise, round 2)", flush=True)
inner = select.epoll(); outer = select.epoll()
outer.register(inner.fileno(), select.EPOLLIN)
inner.register(s.fileno(), select.EPOLLIN)
conns = {}
def decoy(conn):
    p = select.poll(); p.register(conn, select.POLLPRI)
    try:
        p.poll()          # returns only on hang-up/error: never reads
    except OSError:
        pass
while True:
    outer.poll()
    for fd, ev in inner.poll(0):
        if fd == s.fileno():
            c, a = s.accept()
            conns[c.fileno()] = c
            inner.register(c.fileno(), select.EPOLLIN)
            threading.Thread(target=decoy, args=(c,), daemon=True).start()
        else:
            x = conns[fd]
            data = x.recv(1024)
            if data:
                x.send(b"Message received")
                print("got", data, flush=True)
            if not data or data == b"end":
                inner.unregister(fd)
                try: x.shutdown(socket.SHUT_RDWR)
                except OSError: pass
                del conns[fd]; x.close()
