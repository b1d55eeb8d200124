import ctypes
import os
import time
# A server that never gets to serve: it first leaves what it can in the places anyone may write that
# are not its own, 60 MB in /run/lock (four files, each under the size limit of one file) and a POSIX
# message queue (in /dev/mqueue, where that is mounted), then waits. Its disk limit must count all of
# it (it is stopped for it), and the reset must remove all of it, not only prove its own folders empty.
for i in range(4):
    try:
        with open("/run/lock/filler-%d" % i, "wb") as f:
            for _ in range(15):
                f.write(b"\0" * (1 << 20))
    except OSError:
        break
try:
    rt = ctypes.CDLL("librt.so.1", use_errno=True)
    rt.mq_open(b"/sockspec-filler", os.O_CREAT | os.O_RDWR, 0o600, None)
except OSError:
    pass
print("filled what it could", flush=True)
while True:
    time.sleep(3600)
