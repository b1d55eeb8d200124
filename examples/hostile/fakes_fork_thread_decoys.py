# HOSTILE (red team, round 3): a THREAD-PER-CLIENT server (one process serves everyone, a thread each, in
# recv) handed in as the fork server. Decoys: a forked child per client that keeps only that
# client's socket and waits in poll([conn], POLLIN), reading nothing; it exits on hang-up (the
# serving thread shuts the connection down), and a reaper thread waits for it.
import os, socket, select, threading, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (threads, disguised as fork)", flush=True)
def reaper():
    while True:
        try:
            os.wait()
        except ChildProcessError:
            time.sleep(0.05)
threading.Thread(target=reaper, daemon=True).start()
def serve(conn):
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.send(b"Message received")
            print("thread got", data, flush=True)
            if data == b"end":
                break
    except OSError:
        pass
    try: conn.shutdown(socket.SHUT_RDWR)
    except OSError: pass
    conn.close()
def decoy(fd):
    os.closerange(3, fd)
    os.closerange(fd + 1, 4096)
    p = select.poll(); p.register(fd, select.POLLIN)
    while True:
        for _, ev in p.poll():
            if ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                os._exit(0)
        time.sleep(0.02)        # data: the parent's thread reads it
while True:
    c, a = s.accept()
    if os.fork() == 0:
        decoy(c.fileno())
    threading.Thread(target=serve, args=(c,), daemon=True).start()
