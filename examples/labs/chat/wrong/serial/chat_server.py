# Wrong: an iterative chat server (port 12800): it accepts one client and reads it until it leaves,
# then accepts the next, so nobody else is served meanwhile and no line is ever relayed.
import socket

PORT = 12800

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", PORT))
server.listen(10)
print(f"chat server listening on port {PORT}", flush=True)

clients = []  # the connected clients (only ever the one being served)

while True:
    # Wait for a client, then serve it until it leaves.
    conn, addr = server.accept()
    clients.append(conn)
    print("joined", addr, flush=True)
    buffer = b""
    while True:
        try:
            data = conn.recv(4096)
        except ConnectionResetError:
            data = b""
        if not data:
            break
        buffer += data
        # Relay every whole line to the other clients (there are none: only conn was accepted).
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            for other in clients:
                if other is not conn:
                    other.sendall(line + b"\n")
    print("left", addr, flush=True)
    clients.remove(conn)
    conn.close()
