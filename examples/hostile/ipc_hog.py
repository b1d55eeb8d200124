import ctypes
import socket
# A correct single-threaded server that first takes 450 MB of System V shared memory, touches every
# page of it, hands the segment's owner to root (IPC_SET: the creator may; the creator column still
# names it) and detaches it: memory that no process of its shows, and that outlives it. The kit must
# count it against the program's memory while it runs and remove it when the spec ends, whatever its
# owner says, so that the next spec in the lane (another student's, when grading) starts with none.
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
libc.shmdt.argtypes = [ctypes.c_void_p]
SIZE = 450 << 20
IPC_PRIVATE, IPC_CREAT, IPC_SET, IPC_STAT = 0, 0o1000, 1, 2
shmid = libc.shmget(IPC_PRIVATE, ctypes.c_size_t(SIZE), IPC_CREAT | 0o600)
if shmid >= 0:
    address = libc.shmat(shmid, None, 0)
    if address not in (None, ctypes.c_void_p(-1).value):
        ctypes.memset(address, 1, SIZE)
        libc.shmdt(address)
    perm = ctypes.create_string_buffer(256)
    if libc.shmctl(shmid, IPC_STAT, perm) == 0:
        ctypes.c_uint.from_buffer(perm, 4).value = 0  # struct ipc_perm: key, then uid
        libc.shmctl(shmid, IPC_SET, perm)
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
