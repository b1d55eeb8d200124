# Wrong: a select() chat relay (port 12800) that sends each line to every client, its sender
# included, so a client sees its own lines come back.
import select
import socket

PORT = 12800

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", PORT))
server.listen(10)
print(f"chat server listening on port {PORT}", flush=True)

sockets = [server]   # everything select() watches
buffers = {}         # client socket -> bytes received but not yet a whole line
addresses = {}       # client socket -> its address, for the join/leave messages


def remove(sock):
    """Forget a client that has left and close its socket."""
    print("left", addresses.pop(sock), flush=True)
    sockets.remove(sock)
    del buffers[sock]
    sock.close()


while True:
    readable, _, _ = select.select(sockets, [], [])
    for sock in readable:
        if sock is server:
            # A new client: watch it too.
            conn, addr = server.accept()
            sockets.append(conn)
            buffers[conn] = b""
            addresses[conn] = addr
            print("joined", addr, flush=True)
            continue
        try:
            data = sock.recv(4096)
        except ConnectionResetError:
            data = b""
        if not data:
            remove(sock)
            continue
        # Keep what came, then relay every whole line in the buffer.
        buffers[sock] += data
        while b"\n" in buffers[sock]:
            line, buffers[sock] = buffers[sock].split(b"\n", 1)
            # Send the line to every client (the sender gets its own line back too).
            for other in sockets:
                if other is not server:
                    try:
                        other.sendall(line + b"\n")
                    except OSError:
                        pass  # it is gone; select() will report it and we remove it then
