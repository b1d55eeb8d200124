import signal, socket
# A correct server that ignores SIGTERM.
signal.signal(signal.SIGTERM, signal.SIG_IGN)
PORT = 12800
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", PORT))
s.listen(1)
print("The server now listens on the port {}".format(PORT))
conn, addr = s.accept()
msg = b""
while msg != b"end":
    msg = conn.recv(1024)
    if not msg:
        break
    conn.send(b"Message received")
    print("Received {0} from {1}".format(msg, addr))
conn.close()
s.close()
