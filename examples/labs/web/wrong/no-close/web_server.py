# Wrong: a minimal web server (port 6789) that answers each request correctly but never closes
# the connection: it waits on it for another request, so a client reading to the end of the
# answer never sees the end, and the next client is not served while this one stays connected.
import os
from socket import *

serverPort = 6789
ROOT = os.path.dirname(os.path.abspath(__file__))   # the folder this program is in
NOT_FOUND = b"<html><body><h1>404 Not Found</h1></body></html>"


def read_request(conn):
    """Read until the blank line that ends the headers (or 4096 bytes, or the client closes)."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 4096:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def find_file(path):
    """The file a request path names inside ROOT, or None (no "..", nothing outside ROOT)."""
    if ".." in path.split("/"):
        return None
    filename = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
    if filename.startswith(ROOT + os.sep) and os.path.isfile(filename):
        return filename
    return None


serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
serverSocket.bind(("0.0.0.0", serverPort))
serverSocket.listen(5)
print(f"Ready to serve on port {serverPort}...", flush=True)

while True:
    connectionSocket, addr = serverSocket.accept()
    try:
        # Serve every request the client sends on this connection, until it closes its side.
        while True:
            request = read_request(connectionSocket)
            # The request line: GET /path HTTP/1.x
            words = request.split(b"\r\n", 1)[0].decode(errors="replace").split()
            if not words:
                break   # the client closed its side
            method, path = words[0], (words[1] if len(words) > 1 else "")
            filename = find_file(path) if method == "GET" else None
            if filename:
                with open(filename, "rb") as f:
                    body = f.read()
                status = "200 OK"
            else:
                body = NOT_FOUND
                status = "404 Not Found"
            header = (f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n"
                      f"Content-Length: {len(body)}\r\n\r\n")
            connectionSocket.sendall(header.encode() + body)
            print(method, path, status, flush=True)
    except OSError as e:
        print("error with", addr, e, flush=True)
    # (The connection is never closed: nothing here calls connectionSocket.close().)
