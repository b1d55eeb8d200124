import select
import socket
import threading
import time
# A select server handed in as the thread-per-client one (found by a red team): one select loop
# serves everyone; for each client a decoy thread sits in recv(conn, MSG_PEEK), which reads nothing.
# A kit that took any receive for "a thread serving its client" would pass it. A peek serves no one,
# and one thread waits on every client's socket: the select style.
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", 12800))
s.listen(5)
print("listening on 12800 (select in disguise)", flush=True)


def decoy(conn):
    try:
        while True:
            if not conn.recv(1, socket.MSG_PEEK):  # blocks: "a thread waiting on its socket"
                return
            while True:  # until the select loop consumed it
                time.sleep(0.005)
                try:
                    if not conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT):
                        return
                except BlockingIOError:
                    break
    except OSError:
        return


socks = [s]
while True:
    ready, _, _ = select.select(socks, [], [])
    for x in ready:
        if x is s:
            c, a = s.accept()
            socks.append(c)
            threading.Thread(target=decoy, args=(c,), daemon=True).start()
        else:
            data = x.recv(1024)
            if data:
                x.send(b"Message received")
                print("got", data, flush=True)
            if not data or data == b"end":
                socks.remove(x)
                x.close()
