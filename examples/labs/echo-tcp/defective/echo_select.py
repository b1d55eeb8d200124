# Defective: select() finds the first client, then the server reads that client in a blocking loop
# until it leaves: one client at a time, though select is there.
import select
import socket
import sys

port = int(sys.argv[1])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", port))
server.listen(5)
while True:
    readable, _, _ = select.select([server], [], [])
    conn, addr = server.accept()
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
    conn.close()
