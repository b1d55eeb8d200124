# An iterative TCP echo server, as most courses' first socket lab has it: the port on the command
# line, one client at a time, each served until it closes its side, then the next one.
import socket
import sys

port = int(sys.argv[1])
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", port))
    server.listen(1)
    print(f"Echo server listening on port {port}", flush=True)
    while True:
        conn, addr = server.accept()
        with conn:
            print("Connected by", addr, flush=True)
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data)
        print("Client", addr, "left", flush=True)
