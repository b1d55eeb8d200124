# Wrong: a minimal web server (port 6789) that serves the files of its folder but, for a missing
# file, closes the connection without sending any answer (no 404 page).
import os
from socket import *

serverPort = 6789
ROOT = os.path.dirname(os.path.abspath(__file__))   # the folder this program is in


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
        request = read_request(connectionSocket)
        # The request line: GET /path HTTP/1.x
        words = request.split(b"\r\n", 1)[0].decode(errors="replace").split()
        if words:   # nothing at all if the client closed without asking
            method, path = words[0], (words[1] if len(words) > 1 else "")
            filename = find_file(path) if method == "GET" else None
            if filename:
                with open(filename, "rb") as f:
                    body = f.read()
                header = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                          f"Content-Length: {len(body)}\r\n\r\n")
                connectionSocket.sendall(header.encode() + body)
                print(method, path, "200 OK", flush=True)
            else:
                # No such file: nothing is sent, the connection is just closed below.
                print(method, path, "not found", flush=True)
    except OSError as e:
        print("error with", addr, e, flush=True)
    # One request per connection: close it, then serve the next client.
    connectionSocket.close()
