# HOSTILE (red team, round 2): a correct TCP server that first hides 1.2 GB (the limit is 512 MB) in a
# MAP_SHARED anonymous mapping, each 16 MB written then dropped from its page tables (MADV_DONTNEED):
# the pages stay in shared memory, in no process's size, with no descriptor and no segment.
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

size = 1200 * MB
base = libc.mmap(None, size, PROT_RW, MAP_SHARED | MAP_ANON, -1, 0)
for off in range(0, size, 16 * MB):
    libc.memset(base + off, 0x41, 16 * MB)
    libc.madvise(base + off, 16 * MB, MADV_DONTNEED)
print("hid 1200 MB in a shared mapping", flush=True)

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
