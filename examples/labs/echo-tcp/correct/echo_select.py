# A select() echo server: one process, one thread, every client served at once.
import select
import socket
import sys

port = int(sys.argv[1])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", port))
server.listen(5)
print(f"select echo server on port {port}", flush=True)
sockets = [server]
while True:
    readable, _, _ = select.select(sockets, [], [])
    for sock in readable:
        if sock is server:
            conn, addr = server.accept()
            sockets.append(conn)
            print("Connected by", addr, flush=True)
        else:
            data = sock.recv(1024)
            if data:
                sock.sendall(data)
            else:
                sockets.remove(sock)
                sock.close()
