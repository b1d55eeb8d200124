# Defective: when a client closes its side the loop ends, but the connection is never closed (no
# `with`, no conn.close()): each client that left stays in CLOSE_WAIT on the server's side.
import socket
import sys

port = int(sys.argv[1])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", port))
server.listen(1)
served = []
while True:
    conn, addr = server.accept()
    served.append(conn)
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
