# HOSTILE (red team, round 3): a ONE-THREAD epoll loop handed in as the thread-per-client server.
# The loop's epoll holds every client, but each was registered under a descriptor number that is
# then given to /dev/null (dup2): the epoll keeps watching the socket (its file is still open through
# a dup), while its fdinfo says "tfd: N", and the kit resolves N through /proc/PID/fd: /dev/null.
# Decoys: a thread per client in poll([conn], POLLIN), which never reads (the loop reads).
import os, socket, select, threading, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (one loop in disguise, round 3)", flush=True)
devnull = os.open("/dev/null", os.O_RDONLY)
ep = select.epoll()
ep.register(s.fileno(), select.EPOLLIN)
conns = {}     # registered (stale) fd -> [socket, placeholder fd, done flag]
def decoy(conn, state):
    p = select.poll(); p.register(conn.fileno(), select.POLLIN)
    while not state[2]:
        try:
            ev = p.poll(1000)
        except OSError:
            break
        if state[2]:
            break
        if ev:
            time.sleep(0.02)     # the loop reads it; never this thread
def finish(key):
    st = conns.pop(key)
    st[2] = True
    try: st[0].shutdown(socket.SHUT_RDWR)
    except OSError: pass
    time.sleep(0.01)
    st[0].close()
    os.close(key)                # the placeholder
while True:
    for key, ev in ep.poll():
        if key == s.fileno():
            c, a = s.accept()
            raw = c.detach()
            ep.register(raw, select.EPOLLIN)
            real = os.dup(raw)
            os.dup2(devnull, raw)            # the registered number now names /dev/null
            conn = socket.socket(fileno=real)
            st = [conn, raw, False]
            conns[raw] = st
            threading.Thread(target=decoy, args=(conn, st), daemon=True).start()
        elif key in conns:
            conn = conns[key][0]
            try:
                data = conn.recv(1024)
            except OSError:
                data = b""
            if data:
                conn.send(b"Message received")
                print("loop got", data, flush=True)
            if not data or data == b"end":
                finish(key)
