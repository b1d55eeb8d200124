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
# Requests on standard input, one a line, each led by its number; answers on standard output, one
# fact a line, then "end NUMBER". What a process names (a link target: a file name the program chose)
# is escaped (a backslash, a newline, any control character), so that no name can end an answer
# early or forge a fact: the kit also drops an answer whose end does not carry its request's number.
#   fds PID...          ->  "fd PID N TARGET", or "hidden PID ERRNO" when the kernel refuses
#   tasks PID           ->  "task TID SYSCALL-LINE" for each thread, or "hidden PID ERRNO"
#   mem PID ADDR LEN    ->  "bytes HEX" (at most 16 KB of its memory), or "hidden PID ERRNO"
#   fdinfo PID FD       ->  "info LINE" for each line of /proc/PID/fdinfo/FD, or "hidden PID ERRNO"
#   pss PID...          ->  "pss PID BYTES", or "hidden PID ERRNO"
#   held PID...         ->  "held DEV:INODE BYTES memfd|deleted|mapped" for each memfd or deleted file
#                           open in it, and each deleted file on disk a mapping of it keeps ("mapped":
#                           BYTES the furthest its mappings reach) (space no name leads to), or
#                           "hidden PID ERRNO"
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


def escaped(text):
    """A name as printable ASCII on one line: a backslash and every other byte as \\xNN (of its UTF-8,
    or the byte itself where the name was not UTF-8)."""
    raw = text.encode("utf-8", "surrogateescape")
    return "".join(chr(b) if 0x20 <= b < 0x7F and b != 0x5C else "\\x%02x" % b for b in raw)


def fds(pid, out):
    try:
        names = os.listdir("/proc/%s/fd" % pid)
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))
        return
    for fd in names:
        try:
            out.append("fd %s %s %s" % (pid, fd, escaped(os.readlink("/proc/%s/fd/%s" % (pid, fd)))))
        except OSError:
            pass


def tasks(pid, out):
    try:
        tids = os.listdir("/proc/%s/task" % pid)
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))
        return
    for tid in tids:
        try:
            with open("/proc/%s/task/%s/syscall" % (pid, tid)) as f:
                out.append("task %s %s" % (tid, escaped(f.read().strip())))
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EPERM):
                out.append("hidden %s %d" % (pid, e.errno))


def mem(pid, address, length, out):
    try:
        with open("/proc/%s/mem" % pid, "rb") as f:
            f.seek(address)
            out.append("bytes " + f.read(min(length, 16384)).hex())
    except (OSError, ValueError, OverflowError) as e:
        if getattr(e, "errno", None) in (errno.EACCES, errno.EPERM):
            out.append("hidden %s %d" % (pid, e.errno))


def fdinfo(pid, fd, out):
    try:
        with open("/proc/%s/fdinfo/%s" % (pid, fd)) as f:
            for line in f.read(65536).splitlines():
                out.append("info " + escaped(line))
    except OSError as e:
        if e.errno in (errno.EACCES, errno.EPERM):
            out.append("hidden %s %d" % (pid, e.errno))


def pss(pid, out):
    try:
        with open("/proc/%s/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    out.append("pss %s %d" % (pid, int(line.split()[1]) * 1024))
                    return
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))


def held(pid, out):
    try:
        names = os.listdir("/proc/%s/fd" % pid)
    except OSError as e:
        out.append("hidden %s %d" % (pid, e.errno))
        return
    for fd in names:
        path = "/proc/%s/fd/%s" % (pid, fd)
        try:
            target = os.readlink(path)
            if not (target.startswith("/memfd:") or target.endswith(" (deleted)")):
                continue
            st = os.stat(path)
        except OSError:
            continue
        kind = "memfd" if target.startswith("/memfd:") else "deleted"
        out.append("held %d:%d %d %s" % (st.st_dev, st.st_ino, st.st_blocks * 512, kind))
    mapped(pid, out)


def tmpfs_mounts():
    """The mount points of tmpfs file systems: a file there is memory (the cgroup counts it), not disk."""
    points = []
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                fields = line.split()
                dash = fields.index("-")
                if fields[dash + 1] == "tmpfs":
                    points.append(fields[4].rstrip("/") + "/")
    except (OSError, ValueError, IndexError):
        pass
    return points


TMPFS = tmpfs_mounts()


def mapped(pid, out):
    """Files on disk deleted since they were mapped, that a mapping keeps (space no name leads to),
    from /proc/PID/maps: each by its device and inode, with the furthest byte its mappings reach.
    What a mapping reaches is not what the file holds (a page of a 15 MB file can be mapped), and
    map_files, which would give its blocks, needs a capability the helper lacks in a platform's
    container: the kit counts such a file as large as the program may write one (its file size
    limit). Memory kept so (a memfd, a shared anonymous or System V mapping, a file on a tmpfs) is
    not counted here: the container's memory cgroup counts it."""
    try:
        with open("/proc/%s/maps" % pid) as f:
            lines = f.read(1 << 20).splitlines()
    except OSError:
        return
    reach = {}
    for line in lines:
        fields = line.split(None, 5)
        if len(fields) < 6:
            continue
        name = fields[5]
        if not name.endswith(" (deleted)") or name.startswith(("/memfd:", "/dev/zero", "/SYSV")):
            continue
        path = name[: -len(" (deleted)")]
        if any(path.startswith(point) for point in TMPFS):
            continue
        try:
            start, end = (int(x, 16) for x in fields[0].split("-"))
            major, minor = (int(x, 16) for x in fields[3].split(":"))
            key = "%d:%s" % (os.makedev(major, minor), int(fields[4]))
            reach[key] = max(reach.get(key, 0), int(fields[2], 16) + end - start)
        except ValueError:
            continue
    for key, size in reach.items():
        out.append("held %s %d mapped" % (key, size))


EACH_PID = {"fds": fds, "tasks": tasks, "pss": pss, "held": held}

while True:
    request = sys.stdin.readline()
    if not request:
        break
    number, _, request = request.partition(" ")
    words = request.split()
    out = []
    numbers = len(words) > 1 and all(w.isdigit() for w in words[1:])
    read = None
    if numbers and words[0] in EACH_PID:
        def read():
            for pid in words[1:]:
                EACH_PID[words[0]](pid, out)
    elif numbers and words[0] == "mem" and len(words) == 4:
        def read():
            mem(words[1], int(words[2]), int(words[3]), out)
    elif numbers and words[0] == "fdinfo" and len(words) == 3:
        def read():
            fdinfo(words[1], words[2], out)
    if read is not None:
        try:
            as_program(read)
        except OSError as e:
            out.append("error %d" % e.errno)
    out.append("end " + (number if number.isdigit() else "?"))
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
