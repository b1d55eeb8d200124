# HOSTILE (red team, round 2): a THREAD-PER-CLIENT server handed in as the select one. Each client's thread
# waits in select([conn, dup(conn)]): two descriptors of the SAME socket, so the kit sees a wait on
# 2 descriptors ("not a thread of its own") that watches only one client ("not several").
import os, socket, select, threading
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('', 12800)); s.listen(5)
print("listening on 12800 (threads in disguise, round 2)", flush=True)
def serve(conn):
    twin = os.dup(conn.fileno())
    try:
        while True:
            select.select([conn, twin], [], [])
            data = conn.recv(1024)
            if not data:
                break
            conn.send(b"Message received")
            print("got", data, flush=True)
            if data == b"end":
                break
    finally:
        os.close(twin); conn.close()
while True:
    c, a = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
