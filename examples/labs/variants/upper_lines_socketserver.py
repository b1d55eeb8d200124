# socketserver, line by line: each line read is answered in upper case; "quit" ends the
# conversation (answered too); the server serves the next client, for ever.
import socketserver
import sys


class UpperHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            text = line.rstrip(b"\r\n")
            self.wfile.write(text.upper() + b"\n")
            if text == b"quit":
                break


socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("", int(sys.argv[1])), UpperHandler) as server:
    server.serve_forever()
