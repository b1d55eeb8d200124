# Reads, as the program's own uid, what the kernel shows only to a process's owner or to a tracer
# (CAP_SYS_PTRACE, which an autograding platform's container does not give): each process's file
# descriptors, and its threads' blocked system calls with the int their first argument points to.
# Run by the probe with setpriv; prints one fact per line, never anything of its own.
#   fds PID...      ->  "fd PID N TARGET"
#   threads PID     ->  "task TID SYSCALL-LINE", "mem TID INT"
import os, sys

def fds(pid):
    try:
        for fd in os.listdir("/proc/%s/fd" % pid):
            try:
                print("fd", pid, fd, os.readlink("/proc/%s/fd/%s" % (pid, fd)))
            except OSError:
                pass
    except OSError:
        pass

def threads(pid):
    fds(pid)
    try:
        tids = os.listdir("/proc/%s/task" % pid)
    except OSError:
        return
    for tid in tids:
        try:
            line = open("/proc/%s/task/%s/syscall" % (pid, tid)).read().strip()
        except OSError:
            continue
        print("task", tid, line)
        fields = line.split()
        if len(fields) >= 7:
            try:
                with open("/proc/%s/mem" % pid, "rb") as mem:
                    mem.seek(int(fields[1], 16))
                    print("mem", tid, int.from_bytes(mem.read(4), "little", signed=True))
            except (OSError, ValueError, OverflowError):
                pass

if sys.argv[1] == "fds":
    for pid in sys.argv[2:]:
        fds(pid)
else:
    threads(sys.argv[2])
sys.stdout.flush()
