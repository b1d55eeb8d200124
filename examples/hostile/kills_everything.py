import os
import signal
import socket
# A correct single-threaded server that first attacks everything it can see: SIGKILL to every
# other process in /proc, garbage written into every /proc/PID/fd/* it manages to open, then its
# own standard streams closed. In the kit's sandbox it can reach nothing but its own processes, so
# it is judged as the correct server it otherwise is.
me = os.getpid()
for entry in os.listdir("/proc"):
    if entry.isdigit() and int(entry) != me:
        try:
            os.kill(int(entry), signal.SIGKILL)
        except OSError:
            pass
for entry in os.listdir("/proc"):
    if not entry.isdigit():
        continue
    try:
        fds = os.listdir("/proc/%s/fd" % entry)
    except OSError:
        continue
    for fd in fds:
        try:
            with open("/proc/%s/fd/%s" % (entry, fd), "wb", buffering=0) as f:
                f.write(b"\x00garbage from kills_everything.py\n")
        except OSError:
            pass
for fd in (0, 1, 2):
    os.close(fd)
PORT = 12800
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("", PORT))
s.listen(1)
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
conn.close()
s.close()
