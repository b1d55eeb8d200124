# A server that never answers, a thread per client: each prints what its client sends.
import socket
import threading


def serve(conn, addr):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                return
            print(addr, "says", data.decode(errors="replace"), flush=True)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("", 9000))
server.listen(5)
while True:
    conn, addr = server.accept()
    threading.Thread(target=serve, args=(conn, addr), daemon=True).start()
