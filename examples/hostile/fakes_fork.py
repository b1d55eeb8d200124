import os
import select
import signal
import socket
import time
# A select server handed in as the fork-style one (found by a red team): after each accept it forks a
# decoy child that holds only that client's socket and never reads it; the parent serves everyone
# from one select loop. A kit that took holding a socket for serving it would see a process per
# client. Who waits to read each connection decides: one select of the parent's, on all of them.
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", 12800))
s.listen(5)
print("listening on 12800 (one process in disguise)", flush=True)
socks = [s]
while True:
    ready, _, _ = select.select(socks, [], [])
    for x in ready:
        if x is s:
            c, a = s.accept()
            if os.fork() == 0:  # the decoy: holds c alone, reads nothing
                for o in socks:
                    o.close()
                while True:
                    time.sleep(0.05)
                    try:
                        if c.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
                            os._exit(0)
                    except BlockingIOError:
                        pass
                    except OSError:
                        os._exit(0)
            socks.append(c)
        else:
            data = x.recv(1024)
            if data:
                x.send(b"Message received")
                print("got", data, flush=True)
            if not data or data == b"end":
                try:
                    x.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                socks.remove(x)
                x.close()
