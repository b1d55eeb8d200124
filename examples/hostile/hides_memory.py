import os
import time
# A server that never gets to serve (found by a red team): it first takes 1 GB of memory, twice its
# limit, as memfd files it writes and never maps (no process's size shows them), then waits. Its
# memory limit must count them: it is stopped for memory.
chunk = b"x" * (1 << 20)
held = []
for i in range(70):  # 70 x 15 MB, each under the size limit of one file
    fd = os.memfd_create("m%d" % i)
    for _ in range(15):
        os.write(fd, chunk)
    held.append(fd)
print("holding 1050 MB in memfds", flush=True)
while True:
    time.sleep(3600)
