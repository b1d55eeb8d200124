import socket
import threading
# A correct single-threaded server, but for one thing: once listening, it connects to itself and
# closes its side of that connection first, which leaves the connection in TIME_WAIT on port 12800
# for 60 s (the side that closes first keeps it). Where the kit cannot discard the namespace (the
# process sandbox inside a platform), the next server without SO_REUSEADDR could not bind until it
# ends: the grader waits for it, but only so long per submission.
PORT = 12800
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("", PORT))
s.listen(1)
self_client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
connecting = threading.Thread(target=self_client.connect, args=(("127.0.0.1", PORT),))
connecting.start()
inner, _ = s.accept()
connecting.join()
inner.close()          # the server's side closes first: it will be the one in TIME_WAIT
self_client.recv(1)    # the end of stream
self_client.close()
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
conn.close()
s.close()
