# Reads what the kernel shows only to a process's owner or to a tracer (CAP_SYS_PTRACE, which an
# autograding platform's container does not give): each process's file descriptors, its threads'
# blocked system calls with the int their first argument points to, its proportional memory.
#
# It runs as root, for as long as the probe, started with `python3 -I -S` in `/` (no folder or
# variable the program can write is read), and keeps root's real, effective and saved uids: the
# program can neither signal it, nor trace it, nor open its descriptors (this answers on a pipe the
# program cannot reach). Only for each read does it take the program's file-system uid and gid
# (setfsuid, setfsgid), the only ids the kernel compares there, and it gives them back after.
#
# Requests on standard input, one a line; answers on standard output, one fact a line, then "end":
#   fds PID...      ->  "fd PID N TARGET", or "hidden PID ERRNO" when the kernel refuses
#   threads PID     ->  the fds, "task TID SYSCALL-LINE", "mem TID INT", or "hidden PID ERRNO"
#   pss PID...      ->  "pss PID BYTES", or "hidden PID ERRNO"
import ctypes, errno, os, sys

UID = int(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
libc.setfsuid.argtypes = libc.setfsgid.argtypes = [ctypes.c_uint]
CURRENT = 0xFFFFFFFF  # an id setfsuid refuses: it then only answers the current one


def as_program(read):
    libc.setfsgid(UID)
    libc.setfsuid(UID)
    try:
        if libc.setfsuid(CURRENT) != UID:
            raise OSError(errno.EPERM, "cannot take the program's file-system uid")
        return read()
    finally:
        libc.setfsuid(0)
        libc.setfsgid(0)


def fds(pid, out):
    try:
        names = os.listdir("/proc/%s/fd" % pid)
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))
        return
    for fd in names:
        try:
            out.append("fd %s %s %s" % (pid, fd, os.readlink("/proc/%s/fd/%s" % (pid, fd))))
        except OSError:
            pass


def threads(pid, out):
    fds(pid, out)
    try:
        tids = os.listdir("/proc/%s/task" % pid)
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))
        return
    for tid in tids:
        try:
            with open("/proc/%s/task/%s/syscall" % (pid, tid)) as f:
                line = f.read().strip()
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EPERM):
                out.append("hidden %s %d" % (pid, e.errno))
            continue
        out.append("task %s %s" % (tid, line))
        fields = line.split()
        if len(fields) >= 7:
            try:
                with open("/proc/%s/mem" % pid, "rb") as mem:
                    mem.seek(int(fields[1], 16))
                    out.append("mem %s %d" % (tid, int.from_bytes(mem.read(4), "little", signed=True)))
            except (OSError, ValueError, OverflowError):
                pass


def pss(pid, out):
    try:
        with open("/proc/%s/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    out.append("pss %s %d" % (pid, int(line.split()[1]) * 1024))
                    return
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))


READS = {"fds": fds, "threads": threads, "pss": pss}

while True:
    request = sys.stdin.readline()
    if not request:
        break
    words = request.split()
    out = []
    if words and words[0] in READS and all(w.isdigit() for w in words[1:]):
        def read():
            for pid in words[1:]:
                READS[words[0]](pid, out)
        try:
            as_program(read)
        except OSError as e:
            out.append("error %d" % e.errno)
    out.append("end")
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
