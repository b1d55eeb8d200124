import os
import time
# A server that never gets to serve (found by a red team): it first writes 330 MB, ten times its disk
# limit, into files of its home that it unlinks and keeps open (no walk of a folder sees them), then
# waits. Its disk limit must count them: it is stopped for disk.
chunk = b"x" * (1 << 20)
home = os.environ.get("HOME", "/tmp")
held = []
for i in range(22):  # 22 x 15 MB, each under the size limit of one file
    path = os.path.join(home, "f%d" % i)
    try:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        for _ in range(15):
            os.write(fd, chunk)
        os.unlink(path)
    except OSError as e:
        print("refused:", e, flush=True)
        break
    held.append(fd)
print("holding %d MB in unlinked files" % (15 * len(held)), flush=True)
while True:
    time.sleep(3600)
