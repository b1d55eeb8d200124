# Wrong: a select() chat relay (port 12800) that closes a client that left but keeps it in its
# list of clients, so the next line relayed is sent to a closed socket and the server crashes.
import select
import socket

PORT = 12800

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", PORT))
server.listen(10)
print(f"chat server listening on port {PORT}", flush=True)

sockets = [server]   # everything select() watches
clients = []         # the connected clients, to relay lines to
buffers = {}         # client socket -> bytes received but not yet a whole line
addresses = {}       # client socket -> its address, for the join/leave messages

while True:
    readable, _, _ = select.select(sockets, [], [])
    for sock in readable:
        if sock is server:
            # A new client: watch it and relay to it.
            conn, addr = server.accept()
            sockets.append(conn)
            clients.append(conn)
            buffers[conn] = b""
            addresses[conn] = addr
            print("joined", addr, flush=True)
            continue
        try:
            data = sock.recv(4096)
        except ConnectionResetError:
            data = b""
        if not data:
            # The client left: stop watching it and close it.
            # (Bug: it stays in `clients`, so the next relay sends to a closed socket.)
            print("left", addresses[sock], flush=True)
            sockets.remove(sock)
            sock.close()
            continue
        # Keep what came, then relay every whole line in the buffer.
        buffers[sock] += data
        while b"\n" in buffers[sock]:
            line, buffers[sock] = buffers[sock].split(b"\n", 1)
            for other in clients:
                if other is not sock:
                    other.sendall(line + b"\n")
