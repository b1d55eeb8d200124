# HOSTILE (red team, round 2): a correct TCP server that first hides 1 GB of memfds in flight: each is
# sent with SCM_RIGHTS into a socketpair nobody reads, then closed: no process holds it, nothing maps it.
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

a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
for i in range(70):
    fd = os.memfd_create("m%d" % i)
    for _ in range(15):
        os.write(fd, chunk)
    socket.send_fds(a, [b"x"], [fd])
    os.close(fd)
print("hid 1050 MB of memfds in flight", flush=True)

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
