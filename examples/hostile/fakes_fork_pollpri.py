# HOSTILE (red team, round 2): ONE-PROCESS event loop handed in as the fork server.
# Parent: epoll_wait on an OUTER epoll whose only member is an INNER epoll with every socket.
# Per client a forked decoy holding only that client's socket, in poll([conn], POLLPRI): "a process
# of its own waiting to read it" -- it never reads; it exits on hang-up. SIGCHLD ignored.
import os, signal, socket, select
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (one process in disguise, round 2)", flush=True)
inner = select.epoll(); outer = select.epoll()
outer.register(inner.fileno(), select.EPOLLIN)
inner.register(s.fileno(), select.EPOLLIN)
conns = {}
while True:
    outer.poll()
    for fd, ev in inner.poll(0):
        if fd == s.fileno():
            c, a = s.accept()
            if os.fork() == 0:
                for o in list(conns.values()) + [s]:
                    o.close()
                inner.close(); outer.close()
                p = select.poll(); p.register(c, select.POLLPRI)
                try: p.poll()
                except OSError: pass
                os._exit(0)
            conns[c.fileno()] = c
            inner.register(c.fileno(), select.EPOLLIN)
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
