# HOSTILE (red team, round 2): a correct TCP server that first hides about 700 MB in the buffers of unix
# sockets nobody reads, in 10 children: no process's size, no file, no segment shows it.
import ctypes, os, socket
MB = 1 << 20
chunk = b"x" * MB
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
PROT_RW, MAP_SHARED, MAP_ANON, MADV_DONTNEED = 3, 1, 0x20, 4
home = os.environ.get("HOME", "/tmp")

import time
for k in range(10):
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        pairs = []
        for i in range(60):
            x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            x.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
            x.setblocking(False)
            try:
                while True:
                    x.send(b"y" * 65536)
            except BlockingIOError:
                pass
            pairs.append((x, y))
        os.write(w, b"k")
        while True:
            time.sleep(3600)
    os.close(w)
    os.read(r, 1)
print("hid socket buffers", flush=True)

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('', 12800)); s.listen(1)
print("The server now listens on the port 12800", flush=True)
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
    print("Received", msg, flush=True)
conn.close(); s.close()
