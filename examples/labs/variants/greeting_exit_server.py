# Greets each client with a line, echoes its lines, and stops at "exit" without answering it
# (the connection closes); one client only, then the server exits.
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", 9000))
server.listen(1)
conn, addr = server.accept()
conn.sendall(b"Welcome to the echo server\n")
buffered = b""
done = False
while not done:
    data = conn.recv(1024)
    if not data:
        break
    buffered += data
    while b"\n" in buffered:
        line, buffered = buffered.split(b"\n", 1)
        if line == b"exit":
            done = True
            break
        conn.sendall(line + b"\n")
conn.close()
server.close()
