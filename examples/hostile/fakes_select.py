import select
import socket
import threading
# A thread-per-client server handed in as the select-style one (found by a red team): each client
# has a thread of its own, but that thread waits in select.select([conn]) on its one socket before
# each recv. A kit that took any select for "waiting on every socket at once" would pass it. The
# set a select waits on is read from the process: one socket each, a thread per client.
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", 12800))
s.listen(5)
print("listening on 12800 (threads in disguise)", flush=True)


def serve(conn):
    while True:
        select.select([conn], [], [])  # one socket: still a thread per client
        data = conn.recv(1024)
        if not data:
            break
        conn.send(b"Message received")
        print("got", data, flush=True)
        if data == b"end":
            break
    conn.close()


while True:
    c, a = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
