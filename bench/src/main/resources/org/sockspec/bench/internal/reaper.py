# The process sandbox's init for one program (run as root, before its privileges are dropped): a
# child subreaper, so that what the program orphans (a fork server's children once their parent
# exited, a daemon) is reaped here, as a container's init reaps it, and never left a zombie under
# whatever PID 1 the machine has. It starts the program in its folder, writes the program's exit
# status to a file the kit reads (128 + N for a signal, as a container engine reports it), and reaps
# until the program and all it left are gone. It holds none of the program's standard streams.
#
# Root runs it with `python3 -I -S` from `/`: no module of the program's folder (a `ctypes.py` in a
# submission), of /tmp or of a PYTHON* variable is ever imported; only the child, once it has left
# for the program's folder, runs anything of the program's, and that after setpriv dropped root.
# Usage: python3 -I -S -c "$(cat reaper.py)" STATUS_FILE FOLDER COMMAND ARG...
import ctypes, os, sys

PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
status_file, folder, command = sys.argv[1], sys.argv[2], sys.argv[3:]
child = os.fork()
if child == 0:
    try:
        os.chdir(folder)
        os.execv(command[0], command)
    finally:
        os._exit(127)
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
while True:
    try:
        pid, status = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    except InterruptedError:
        continue
    if pid == child:
        code = os.waitstatus_to_exitcode(status)
        with open(status_file + ".part", "w") as f:
            f.write(str(code if code >= 0 else 128 - code))
        os.rename(status_file + ".part", status_file)
